using System.Runtime.CompilerServices;

namespace HetInitiatief.Moderation;

/// <summary>
/// A week's dashboard without reading all of history on every request. Per node and store it keeps, for the newest
/// week asked for: the running totals at the start of that week's window (what every fact before it amounts to), the
/// facts from then on, and the indicators of the trend's earlier weeks. Each read first asks PostgreSQL for the facts
/// written since the last read (an index on their last-modified moment): a fact of the window is added; a fact dated
/// before the week that was not there before (a late fact, or a rebuild writing every fact again) throws it all away,
/// and that read starts again from every fact. An older week, or one that has not begun, is computed from every fact
/// and not kept.
/// </summary>
/// <remarks>
/// A fact's last-modified moment is set by its transaction, no earlier than the transaction's start. Each read
/// remembers the start of the oldest transaction open in the database at that moment (its horizon): what the read did
/// not see was written by a transaction open then or started later, so the next read asks for everything modified
/// since the horizon (facts it already took in are known by id and moment and skipped). That needs the platform's
/// connections to see each other in <c>pg_stat_activity</c>, as one database role does. Facts are only ever deleted
/// by a rebuild, which writes them all again.
/// </remarks>
public static class HealthHistory
{
    private static readonly ConditionalWeakTable<IDocumentStore, Keeper> Stores = [];

    /// <summary>A fact as written: its id, when its transaction started, and the fact.</summary>
    public sealed record Written(Guid Id, DateTimeOffset LastModified, HealthFact Fact);

    public static async Task<HealthDashboard> DashboardAsync(
        IQuerySession session, HealthWeek week, HealthSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        var keeper = Stores.GetValue(session.DocumentStore, _ => new Keeper());
        await keeper.Gate.WaitAsync(ct);
        try
        {
            if (keeper.Kept is { } kept && kept.Week == week && kept.Settings == settings)
            {
                if (await kept.CatchUpAsync(session, ct)) return kept.Dashboard();
                keeper.Kept = null;
            }
            if (week.Start > now || keeper.Kept is { } newer && newer.Week.Start > week.Start)
                return NetworkHealth.Dashboard(await FactsBeforeAsync(session, week.End, ct), week, settings);
            var (fresh, dashboard) = await Kept.StartAsync(session, week, settings, ct);
            keeper.Kept = fresh;
            return dashboard;
        }
        finally
        {
            keeper.Gate.Release();
        }
    }

    /// <summary>After a rebuild on this node the next read starts from every fact (other nodes notice the rewrite).</summary>
    public static void Forget(IDocumentStore store) => Stores.Remove(store);

    private static async Task<IReadOnlyList<HealthFact>> FactsBeforeAsync(
        IQuerySession session, DateTimeOffset end, CancellationToken ct) =>
        await session.Query<HealthFact>().Where(f => f.At < end).ToListAsync(ct);

    /// <summary>The start of the oldest transaction open in this database now (ours included, so never null).</summary>
    private static async Task<DateTimeOffset> HorizonAsync(IQuerySession session, CancellationToken ct) =>
        (await session.QueryAsync<DateTimeOffset>(
            "select min(xact_start) from pg_stat_activity where datname = current_database()", ct)).Single();

    /// <summary>The facts written (or written again) since a moment.</summary>
    private static async Task<IReadOnlyList<Written>> WrittenSinceAsync(
        IQuerySession session, DateTimeOffset since, CancellationToken ct) =>
        await session.QueryAsync<Written>(
            $"""
             select json_build_object('Id', d.id, 'LastModified', d.mt_last_modified, 'Fact', d.data)
             from {RadarReads.Table<HealthFact>(session)} d where d.mt_last_modified >= ?
             """, ct, since);

    private sealed class Keeper
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public Kept? Kept;
    }

    private sealed class Kept(
        HealthWeek week, HealthSettings settings, HealthBase basis, IReadOnlyList<HealthIndicators> earlierWeeks)
    {
        private readonly Dictionary<Guid, HealthFact> window = [];
        private readonly Dictionary<Guid, DateTimeOffset> seen = [];
        private IReadOnlyList<HealthFact>? ordered;
        private HealthDashboard? shown;
        private DateTimeOffset readAt;

        public HealthWeek Week => week;
        public HealthSettings Settings => settings;

        public static async Task<(Kept Kept, HealthDashboard Dashboard)> StartAsync(
            IQuerySession session, HealthWeek week, HealthSettings settings, CancellationToken ct)
        {
            // What was written since the horizon is read before every fact: a fact committed in between is then read
            // twice (and known by its id and moment), never missed.
            var horizon = await HorizonAsync(session, ct);
            var recent = await WrittenSinceAsync(session, horizon, ct);
            var facts = NetworkHealth.InOrder(await FactsBeforeAsync(session, DateTimeOffset.MaxValue, ct));
            var (dashboard, atWindow) = NetworkHealth.DashboardAndTotals(facts, week, settings);
            var kept = new Kept(week, settings, atWindow, dashboard.Trend.Take(dashboard.Trend.Count - 1).ToList())
                { readAt = horizon, shown = dashboard };
            foreach (var fact in facts.Where(f => f.At >= atWindow.At)) kept.window[fact.Id] = fact;
            foreach (var written in recent) kept.seen[written.Id] = written.LastModified;
            return (kept, dashboard);
        }

        /// <summary>Takes in what was written since the last read; false when a fact changed the weeks before.</summary>
        public async Task<bool> CatchUpAsync(IQuerySession session, CancellationToken ct)
        {
            var horizon = await HorizonAsync(session, ct);
            var written = await WrittenSinceAsync(session, readAt, ct);
            foreach (var w in written)
            {
                if (seen.TryGetValue(w.Id, out var known) && known == w.LastModified) continue;
                if (w.Fact.At < week.Start) return false;
                seen[w.Id] = w.LastModified;
                window[w.Id] = w.Fact;
                (ordered, shown) = (null, null);
            }
            readAt = horizon;
            foreach (var old in seen.Where(s => s.Value < horizon).Select(s => s.Key).ToList()) seen.Remove(old);
            return true;
        }

        /// <summary>Computed again only when a fact came in: the same facts give the same dashboard.</summary>
        public HealthDashboard Dashboard()
        {
            if (shown is not null) return shown;
            ordered ??= NetworkHealth.InOrder(window.Values);
            var (indicators, shops, stalled) = NetworkHealth.ComputeAll(basis, ordered, week, settings);
            return shown = new HealthDashboard(indicators, shops, [.. earlierWeeks, indicators], settings, stalled);
        }
    }
}

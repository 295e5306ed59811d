using HetInitiatief.Coalitions;
using HetInitiatief.Initiative;
using HetInitiatief.Offers;
using HetInitiatief.Questions;
using HetInitiatief.Sessions;

namespace HetInitiatief.Moderation;

/// <summary>
/// What the radar is computed from, read so that its cost does not grow with the history: per kind of item only the
/// candidates that wait longest (<see cref="RadarSettings.ItemsPerKind"/>, plus as many as moderators dismissed of that
/// kind), found by bounded queries on indexes; the heat map's demand counted by the database; supply only in its
/// window. <see cref="Radar.Compute"/> then decides on these candidates exactly as on every open question.
/// </summary>
public static class RadarReads
{
    public const string UnprobedIndex = "mt_doc_questiondetails_radar_unprobed";
    public const string OpenCoalitionsIndex = "mt_doc_coalitiondetails_radar_open";
    public const string ProposalMadeAtIndex = "mt_doc_proposal_radar_madeat";
    public const string UnansweredIndex = "mt_doc_questiondetails_radar_unanswered";
    public const string ReachedIndex = "mt_doc_coalitiondetails_radar_reached";

    /// <summary>
    /// When the oldest follow-up without an answer was asked, or null. Follow-ups are only ever appended in the order
    /// they were asked, so the first without an answer is the oldest; a JSON path (immutable, unlike a subquery) lets
    /// <see cref="UnansweredIndex"/> hold exactly this expression. Written in the form Marten's schema check reads
    /// PostgreSQL's own back into, or every Production start would see a difference and stop (DeployTests).
    /// </summary>
    public static string OldestUnanswered(string data) => Moment(
        $"jsonb_path_query_first({data}, CAST('$.\"FollowUps\"[*]?(@.\"Answer\" == null).\"AskedAt\"' as jsonpath))"
        + " #>> '{}'::text[]");

    public static async Task<RadarFacts> FactsAsync(IQuerySession session, RadarSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        now = now.ToUniversalTime();
        var hidden = (await HiddenContent.HiddenQuestionIdsAsync(session, ct)).ToArray();
        var dismissed = await session.Query<RadarItemLog>().Where(l => l.DismissedBecause != null).Select(l => l.Key).ToListAsync(ct);
        int Limit(string kind) => settings.ItemsPerKind + dismissed.Count(k => k.StartsWith(kind + ":", StringComparison.Ordinal));
        var (q, c, p, s, t) = (Table<QuestionDetails>(session), Table<CoalitionDetails>(session), Table<Proposal>(session),
            Table<Session>(session), Table<InitiativeTimeline>(session));

        var questions = new List<QuestionDetails>();
        questions.AddRange(await session.QueryAsync<QuestionDetails>($"""
            select d.data from {q} d
            where d.data ->> 'Status' = 'open' and jsonb_array_length(d.data -> 'FollowUps') = 0
              and {Moment("d.data ->> 'PostedAt'")} <= ? and d.id <> all(?)
            order by {Moment("d.data ->> 'PostedAt'")} limit ?
            """, ct, now - settings.Unprobed, hidden, Limit(RadarKinds.Unprobed)));
        // The JSON path has a '?' of its own, so this query marks its parameters with '^'.
        var unanswered = OldestUnanswered("d.data");
        questions.AddRange(await session.QueryAsync<QuestionDetails>('^', $"""
            select d.data from {q} d
            where d.data ->> 'Status' = 'open' and d.id <> all(^) and {unanswered} <= ^
            order by {unanswered} limit ^
            """, ct, hidden, now - settings.UnansweredFollowUp, Limit(RadarKinds.UnansweredFollowUp)));

        // An open coalition counts only while its question is open and not hidden (the first parameter).
        var open = $"""
            d.data ->> 'Status' = '{CoalitionStatus.Open}' and cast(d.data ->> 'QuestionId' as uuid) <> all(?)
              and exists (select 1 from {q} x where x.id = cast(d.data ->> 'QuestionId' as uuid) and x.data ->> 'Status' = 'open')
            """;
        var offered = $"""
            exists (select 1 from {p} p where cast(p.data ->> 'CoalitionId' as uuid) = d.id)
            or exists (select 1 from {s} s where cast(s.data ->> 'CoalitionId' as uuid) = d.id
                and s.data ->> 'Status' <> '{SessionStatus.CalledOff}'
                and {Moment("s.data ->> 'StartsAt'")} >= ?)
            """;
        const string overdueTrial = "select min((t ->> 'Until')::date) from jsonb_array_elements(coalesce(d.data -> 'Cycle' -> 'Trials', '[]')) t where not (t ->> 'Reviewed')::boolean";
        var coalitions = new List<CoalitionDetails>();
        coalitions.AddRange(await session.QueryAsync<CoalitionDetails>($"""
            select d.data from {c} d where {open} and d.data ->> 'ThresholdReachedAt' is null
              and {Moment("d.data ->> 'ClosesAt'")} > ? and {Moment("d.data ->> 'ClosesAt'")} <= ?
            order by {Moment("d.data ->> 'ClosesAt'")} limit ?
            """, ct, hidden, now, now + settings.ClosingWithin, Limit(RadarKinds.ClosingBelowThreshold)));
        coalitions.AddRange(await session.QueryAsync<CoalitionDetails>($"""
            select d.data from {c} d where {open} and {Moment("d.data ->> 'ThresholdReachedAt'")} <= ? and not ({offered})
            order by {Moment("d.data ->> 'ThresholdReachedAt'")} limit ?
            """, ct, hidden, now - settings.NoOfferAfter, now - settings.SupplyWindow, Limit(RadarKinds.NoOffer)));
        coalitions.AddRange(await session.QueryAsync<CoalitionDetails>($"""
            select d.data from {c} d where {open} and ({overdueTrial}) < ?
            order by ({overdueTrial}) limit ?
            """, ct, hidden, DateOnly.FromDateTime(now.UtcDateTime.AddDays(1)), Limit(RadarKinds.TrialOverdue)));
        coalitions.AddRange(await session.QueryAsync<CoalitionDetails>($"""
            select d.data from {c} d where {open} and {Moment("d.data ->> 'LastActivityAt'")} <= ?
            order by {Moment("d.data ->> 'LastActivityAt'")} limit ?
            """, ct, hidden, now - settings.CoalitionIdle, Limit(RadarKinds.CoalitionIdle)));

        var completed = (await session.QueryAsync<InitiativeTimeline>($"""
            select t.data from {t} t join {q} d on d.id = cast(t.data ->> 'QuestionId' as uuid)
            where jsonb_typeof(t.data -> 'Completed') = 'object' and (t.data -> 'Completed' ->> 'At')::timestamptz <= ?
              and d.data ->> 'Status' = 'open' and d.id <> all(?)
              and (jsonb_typeof(d.data -> 'Stories') is distinct from 'array' or jsonb_array_length(d.data -> 'Stories') = 0)
            order by (t.data -> 'Completed' ->> 'At')::timestamptz limit ?
            """, ct, now - settings.StoryAfter, hidden, Limit(RadarKinds.CompletedWithoutStory)))
            .Select(x => new CompletedInitiative(x.Id, x.QuestionId, x.Completed!.At)).ToList();

        // The questions behind the candidate coalitions and initiatives; closed, withdrawn or hidden ones are not demand.
        var known = questions.Select(x => x.Id).ToHashSet();
        var behind = coalitions.Select(x => x.QuestionId).Concat(completed.Select(x => x.QuestionId)).Where(id => !known.Contains(id)).Distinct().ToList();
        questions.AddRange((await session.LoadManyAsync<QuestionDetails>(ct, behind))
            .Where(x => x.Status == QuestionStatus.Open && !hidden.Contains(x.Id)));

        var candidates = coalitions.DistinctBy(x => x.Id).ToList();
        var since = now - settings.SupplyWindow;
        var proposals = (await session.Query<Proposal>().Where(x => x.MadeAt >= since).ToListAsync(ct))
            .Concat(await session.Query<Proposal>().Where(x => x.CoalitionId.IsOneOf(candidates.Select(c => c.Id).ToArray())).ToListAsync(ct))
            .DistinctBy(x => x.Id).ToList();
        var sessions = await session.Query<Session>().Where(x => x.StartsAt >= since).ToListAsync(ct);
        var proposalQuestions = (await session.LoadManyAsync<QuestionBoardItem>(ct, proposals.Select(x => x.QuestionId).Distinct()))
            .ToDictionary(x => x.Id);
        var supply = proposals
            .Where(x => proposalQuestions.ContainsKey(x.QuestionId))
            .Select(x => new SupplyFact(proposalQuestions[x.QuestionId].Themes, proposalQuestions[x.QuestionId].Sector, x.MadeAt, x.CoalitionId))
            .Concat(sessions.Where(x => !x.IsCalledOff).Select(x => new SupplyFact([x.Theme], x.Sector, x.StartsAt, x.CoalitionId)))
            .ToList();

        // Read from the cards' own columns for status, themes, sector and posting moment (QuestionsModule), so no
        // document is unpacked; the coalitions' fields are taken out once each (offset 0 keeps PostgreSQL from
        // inlining that subquery, which would unpack the document again for every field and every member):
        // at 20,000 open questions 1.2–2.4 s (every document) → 130–280 ms (each card once) → ≈ 100 ms, of which the
        // cards ≈ 30 and the coalitions' members ≈ 50 (docs/performance.md).
        var demand = await session.QueryAsync<DemandCell>($"""
            select json_build_object('Theme', themes.theme, 'Sector', d.sector,
                'Demand', sum(1 + coalesce(m.members, 0)), 'Since', min(d.posted_at))
            from (select b.id, b.themes, b.sector, b.posted_at
                  from {Table<QuestionBoardItem>(session)} b
                  where b.status = '{QuestionStatus.Open}' and b.id <> all(?)) d
            cross join lateral (select distinct theme from unnest(d.themes) theme) themes
            left join (select x.question,
                              (select count(*) from jsonb_array_elements(x.members) m where m ->> 'MemberId' <> x.initiator)
                                  as members
                       from (select cast(c.data ->> 'QuestionId' as uuid) as question, c.data -> 'Members' as members,
                                    c.data ->> 'InitiatorId' as initiator
                             from {c} c where c.data ->> 'Status' = '{CoalitionStatus.Open}' offset 0) x) m
                on m.question = d.id
            group by themes.theme, d.sector
            """, ct, hidden);

        return new RadarFacts(questions.DistinctBy(x => x.Id).ToList(), candidates, supply, completed, demand.ToList());
    }

    /// <summary>The radar's items, at most the setting's number of each kind that moderators did not dismiss, the longest waiting first.</summary>
    public static IReadOnlyList<RadarItem> Bounded(IReadOnlyList<RadarItem> items, IReadOnlySet<Guid> dismissed, int perKind)
    {
        var shown = new Dictionary<string, int>();
        return items.Where(i =>
        {
            if (dismissed.Contains(i.Id)) return true;
            var count = shown.GetValueOrDefault(i.Kind);
            if (count >= perKind) return false;
            shown[i.Kind] = count + 1;
            return true;
        }).ToList();
    }

    /// <summary>A stored moment as the index on it reads it (Marten's immutable cast of the text in the document).</summary>
    public static string Moment(string text) => $"{Database.Schema}.mt_immutable_timestamptz({text})";

    /// <summary>Marten's table for a top-level document type: <c>mt_doc_</c> and the type's name, in the platform's schema.</summary>
    public static string Table<T>(IQuerySession session) => $"{Database.Schema}.mt_doc_{typeof(T).Name.ToLowerInvariant()}";
}

namespace HetInitiatief.Benchmarks;

/// <summary>
/// How the benchmark runs. <see cref="Quick"/> (`ops/bench.sh --quick`) is the smoke run: every part runs with tiny
/// sizes and durations so the whole table appears in under two minutes; its figures mean nothing and it writes no docs.
/// </summary>
public sealed record BenchOptions(bool Quick, TimeSpan Duration, string? Only, string RepositoryRoot)
{
    public bool Runs(string part) => Only is null || Only == part;

    /// <summary>The full size, or a small fraction of it in the quick run.</summary>
    public int Scaled(int full, int quick) => Quick ? quick : full;
}

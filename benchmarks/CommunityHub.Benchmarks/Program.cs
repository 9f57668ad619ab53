using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using CommunityHub.Benchmarks;

// scorer: BenchmarkDotNet over the tie-strength domain service.
// database: a measured run on PostgreSQL: replies with and without tie bookkeeping, and a member's
// strongest ties among a million pairs (with the query plan, which must use the index).
var what = args.FirstOrDefault() ?? "all";
if (what is "scorer" or "all")
{
    BenchmarkRunner.Run<ScorerBenchmarks>(ManualConfig.Create(DefaultConfig.Instance).AddJob(Job.ShortRun));
}

if (what is "database" or "all")
{
    var replies = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 400;
    var pairs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    return await DatabaseBenchmark.RunAsync(replies, pairs);
}

return 0;

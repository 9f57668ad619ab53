using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using CommunityHub.Benchmarks;

// scorer: BenchmarkDotNet over the tie-strength domain service.
// database: a measured run on PostgreSQL: replies with and without tie bookkeeping, and a member's
// strongest ties among a million pairs (with the query plan, which must use the index).
// images [runs]: the image pipeline on a 4000 × 3000 JPEG, timed, with the peak memory (not part of "all").
// similar: quality (recall@5, MRR) of similar threads on paraphrased titles, against pg_trgm (not part of "all").
// archive: export and import of a generated community, timed, with the peak memory of each (not part of "all").
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

if (what is "archive")
{
    // archive [posts...]: export and import a generated community of each size (default 20,000 and 100,000 posts).
    var sizes = args.Skip(1).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    return await ArchiveBenchmark.RunAsync(sizes.Count > 0 ? sizes : [20_000, 100_000]);
}

if (what is "images")
{
    return ImageBenchmark.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
}

if (what is "similar")
{
    // similar [distractors]: recall@5 and MRR of similar threads on paraphrased titles (not part of "all").
    var distractors = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500;
    return await SimilarThreadsBenchmark.RunAsync(distractors);
}

return 0;

using CommunityHub.Application.Threads;

namespace CommunityHub.Application.Tests.Performance;

/// <summary>EF Core compiles a LINQ query once and finds it in its cache after that, unless the query's shape changes
/// with the values in it (a list of ids inlined as constants, a closure over a new object): a page whose queries are
/// compiled on every request spends most of its time there.</summary>
public sealed class QueryCacheTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    [Fact]
    public async Task Reading_a_thread_again_compiles_no_query()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Exports", Body = "How?", SubmissionId = Guid.NewGuid() });
        await RunAsNewMemberAsync("Bruno");
        await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = "Like this.", SubmissionId = Guid.NewGuid() });
        // Two reads to warm up: the first one moves Bruno's read mark, and EF keeps a query once per null-ness of its
        // parameters (a null one compiles to IS NULL), so the read after it is a second, bounded, shape.
        await SendAsync(new GetThread.Query(thread.ThreadId));
        await SendAsync(new GetThread.Query(thread.ThreadId));

        using var compilations = QueryCompilations.Watch();
        await SendAsync(new GetThread.Query(thread.ThreadId));

        Assert.True(compilations.Compiled.Count == 0, "Compiled again:\n\n" + string.Join("\n\n", compilations.Compiled));
    }
}

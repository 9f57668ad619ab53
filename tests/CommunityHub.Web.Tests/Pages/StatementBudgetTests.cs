using System.Net;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>Pages issue a small, fixed number of SQL statements however much content there is.</summary>
public sealed class StatementBudgetTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<int> StatementsToRenderAsync(HttpClient client, string url)
    {
        Fixture.App.Statements.Reset();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Fixture.App.Statements.Count;
    }

    [Fact]
    public async Task A_thread_page_takes_two_statements_whatever_the_number_of_replies()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var bruno = await NewMemberAsync("Bruno");
        var shortThread = await StartThreadAsync(alice, title: "Short");
        var longThread = await StartThreadAsync(alice, title: "Long");
        for (var i = 0; i < 3; i++)
        {
            using var _ = await ReplyAsync(bruno, shortThread, $"Short reply {i}");
        }

        for (var i = 0; i < 45; i++)
        {
            using var _ = await ReplyAsync(i % 2 == 0 ? bruno : alice, longThread, $"Long reply {i}");
        }

        var visitor = NewVisitor();
        var forShort = await StatementsToRenderAsync(visitor, shortThread);
        var forLong = await StatementsToRenderAsync(visitor, longThread);
        var forLongSecondPage = await StatementsToRenderAsync(visitor, longThread + "?after=1");
        var forSignedInMember = await StatementsToRenderAsync(bruno, longThread);

        Assert.Equal(2, forShort);
        Assert.Equal(2, forLong);
        Assert.Equal(2, forLongSecondPage);
        // Signed in, the header adds one indexed count of unread notifications (issue 5); the reader's read mark and
        // watch state ride in the thread statement, and the read mark is written only when the page shows something new.
        Assert.Equal(3, forSignedInMember);
    }

    [Fact]
    public async Task A_members_first_visit_to_a_thread_records_how_far_they_read_in_one_more_statement()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var bruno = await NewMemberAsync("Bruno");

        Assert.Equal(4, await StatementsToRenderAsync(bruno, thread));
        Assert.Equal(3, await StatementsToRenderAsync(bruno, thread));
    }

    [Fact]
    public async Task The_home_page_a_space_page_and_the_new_thread_form_take_one_two_and_one_statements_plus_the_members_header()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        var alice = await NewMemberAsync("Alice");
        for (var i = 0; i < 30; i++)
        {
            await StartThreadAsync(alice, title: $"Thread {i}");
        }

        // One more each for the signed-in header's unread count (issue 5); a visitor's pages are unchanged.
        Assert.Equal(2, await StatementsToRenderAsync(alice, "/"));
        Assert.Equal(3, await StatementsToRenderAsync(alice, "/s/questions"));
        Assert.Equal(2, await StatementsToRenderAsync(alice, "/s/questions/new"));
        var visitor = NewVisitor();
        Assert.Equal(1, await StatementsToRenderAsync(visitor, "/"));
        Assert.Equal(2, await StatementsToRenderAsync(visitor, "/s/questions"));
    }
}

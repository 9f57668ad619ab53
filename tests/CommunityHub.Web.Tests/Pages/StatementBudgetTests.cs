using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>Pages issue a small, fixed number of SQL statements however much content there is.</summary>
public sealed class StatementBudgetTests(WebFixture fixture) : WebTest(fixture)
{
    /// <summary>Signed in, the sign-in cookie's session is read from the server-side store (issue 13): one indexed
    /// lookup by key per request (and, at most once a minute, one update of "last seen").</summary>
    private const int Session = 1;

    private async Task<int> StatementsToRenderAsync(HttpClient client, string url)
    {
        Fixture.App.Statements.Reset();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Fixture.App.Statements.Count;
    }

    [Fact]
    public async Task A_thread_page_takes_four_statements_whatever_the_number_of_replies_and_reactions()
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

        // Acknowledgements on posts of the page are read in one statement with the page, whatever their number.
        var lastReply = await DbAsync(db => db.Posts.Where(p => !p.IsOpeningPost).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());
        var carol = await NewMemberAsync("Carol");
        foreach (var act in new[] { "helped", "thank", "react:agree", "react:heart" })
        {
            using var acknowledged = await AcknowledgeAsync(carol, longThread, lastReply, act);
            Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        }

        var visitor = NewVisitor();
        var forShort = await StatementsToRenderAsync(visitor, shortThread);
        var forLong = await StatementsToRenderAsync(visitor, longThread);
        var forLongSecondPage = await StatementsToRenderAsync(visitor, longThread + "?after=1");
        var forSignedInMember = await StatementsToRenderAsync(bruno, longThread);

        // The thread with its opening post (and the reader's read mark and watch state); one page of replies;
        // what members said about those posts; related threads under the conversation (issue 15).
        Assert.Equal(4, forShort);
        Assert.Equal(4, forLong);
        Assert.Equal(4, forLongSecondPage);
        // Signed in, the header adds one indexed count of unread notifications (issue 5); the read mark is written
        // only when the page shows something new.
        Assert.Equal(5 + Session, forSignedInMember);
        Assert.Equal(4, await DbAsync(db => db.ReciprocityRecords.CountAsync()));
    }

    [Fact]
    public async Task Thread_cards_cost_one_statement_for_the_whole_page_and_none_without_thread_links()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var linked = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            linked.Add(await StartThreadAsync(alice, title: $"Linked {i}"));
        }

        var thread = await StartThreadAsync(alice, title: "Links", body: $"See\n\n[{linked[0]}]({linked[0]})\n");
        foreach (var link in linked)
        {
            using var _ = await ReplyAsync(alice, thread, $"[{link}]({link})");
        }

        var visitor = NewVisitor();
        Assert.Equal(4 + 1, await StatementsToRenderAsync(visitor, thread));
        Assert.Equal(3, (await GetPageAsync(visitor, thread)).QuerySelectorAll(".post-list .thread-card").Length);
        Assert.Equal(4, await StatementsToRenderAsync(visitor, linked[0]));
    }

    [Fact]
    public async Task A_members_first_visit_to_a_thread_records_how_far_they_read_in_one_more_statement()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var bruno = await NewMemberAsync("Bruno");

        Assert.Equal(6 + Session, await StatementsToRenderAsync(bruno, thread));
        Assert.Equal(5 + Session, await StatementsToRenderAsync(bruno, thread));
    }

    [Fact]
    public async Task The_home_page_a_space_page_and_the_new_thread_form_take_three_three_and_two_statements_plus_the_members_header()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        var alice = await NewMemberAsync("Alice");
        for (var i = 0; i < 30; i++)
        {
            await StartThreadAsync(alice, title: $"Thread {i}");
        }

        // Home and space pages each add one bounded statement for "executives here recently" (issue 4);
        // filtering and ordering a list costs nothing more. Signed in, the header's unread count adds one more
        // (issue 5). The home page shows the first page of Latest, and the new-thread form the tags to choose
        // from: one statement each (issue 15).
        Assert.Equal(4 + Session, await StatementsToRenderAsync(alice, "/"));
        Assert.Equal(4 + Session, await StatementsToRenderAsync(alice, "/s/questions"));
        Assert.Equal(4 + Session, await StatementsToRenderAsync(alice, "/s/questions?with=company"));
        Assert.Equal(4 + Session, await StatementsToRenderAsync(alice, "/s/questions?show=unsolved&sort=top&period=week"));
        Assert.Equal(3 + Session, await StatementsToRenderAsync(alice, "/s/questions/new"));
        var visitor = NewVisitor();
        Assert.Equal(3, await StatementsToRenderAsync(visitor, "/"));
        Assert.Equal(3, await StatementsToRenderAsync(visitor, "/s/questions"));
    }

    [Fact]
    public async Task Latest_unread_and_a_tag_page_take_one_or_two_statements_whatever_the_filter_and_order()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var ada = await NewMemberAsync("Ada", CommunityHub.Domain.Members.Roles.Admin);
        using (await SubmitFormAsync(ada, "/admin/tags", new Dictionary<string, string> { ["Input.Name"] = "ledger" }))
        {
        }

        for (var i = 0; i < 30; i++)
        {
            await StartThreadAsync(alice, title: $"Thread {i}");
        }

        // The list is one statement; a tag page first finds its tag. Signed in, the header's unread count adds one.
        foreach (var url in new[] { "/latest", "/latest?show=mine&sort=newest", "/latest?show=watching&sort=top&period=month", "/unread", "/unread?show=solved" })
        {
            Assert.Equal(2 + Session, await StatementsToRenderAsync(alice, url));
        }

        Assert.Equal(3 + Session, await StatementsToRenderAsync(alice, "/tags/ledger"));
        Assert.Equal(3 + Session, await StatementsToRenderAsync(alice, "/tags/ledger?show=unanswered&sort=top"));
        var visitor = NewVisitor();
        Assert.Equal(1, await StatementsToRenderAsync(visitor, "/latest"));
        Assert.Equal(2, await StatementsToRenderAsync(visitor, "/tags/ledger"));
    }

    [Fact]
    public async Task Staff_read_a_thread_like_members_and_moderators_in_one_more_statement_for_the_move_menu()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        for (var i = 0; i < 5; i++)
        {
            using var _ = await ReplyAsync(alice, thread, $"Reply {i}");
        }

        var sam = await NewMemberAsync("Sam", CommunityHub.Domain.Members.Roles.Staff);
        var morgan = await NewMemberAsync("Morgan", CommunityHub.Domain.Members.Roles.Moderator);
        // A first visit also records how far each read (one more statement, counted in its own test).
        await StatementsToRenderAsync(sam, thread);
        await StatementsToRenderAsync(morgan, thread);

        Assert.Equal(5 + Session, await StatementsToRenderAsync(sam, thread));
        Assert.Equal(6 + Session, await StatementsToRenderAsync(morgan, thread));
    }

    [Fact]
    public async Task A_reply_post_takes_a_fixed_number_of_statements_with_its_ties_notifications_and_rate_limit()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var watchers = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            var watcher = await NewMemberAsync($"Watcher {i}");
            using var _ = await ReplyAsync(watcher, thread, $"Watching this, {i}");
            watchers.Add(watcher);
        }

        var bruno = await NewMemberAsync("Bruno");
        using (await ReplyAsync(bruno, thread, "First from Bruno"))
        {
        }

        // The form is read first (not counted), then only the POST: the session, the rate limit, what the reply needs to
        // know that other replies cannot change (read before the lock), the thread's lock and the reply's id, what the
        // posts before it decide (the thread itself, what it answers, who took part), who hears of it, the tie store
        // (two), the space's activity, the member's draft of the reply discarded (issue 18), one batch that writes the
        // reply, its mentions, the thread's counters and the e-mails, one statement for all the notifications (however
        // many members are told), and the word to the other instances that the thread's page and the lists changed
        // (pg_notify, delivered at commit).
        var page = await GetPageAsync(bruno, thread);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#reply-form form")!;
        var values = FormValues(form, new Dictionary<string, string> { ["Input.Body"] = "Thanks @alice, and everyone watching." });
        Fixture.App.Statements.Reset();
        using var posted = await PostAsync(bruno, form.Action, values);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.True(Fixture.App.Statements.Count == 12 + Session, Fixture.App.Statements.Listing);
        Assert.Equal(5, await DbAsync(db => db.Notifications.CountAsync(n => n.PostId == db.Posts.Max(p => p.Id))));
    }
}

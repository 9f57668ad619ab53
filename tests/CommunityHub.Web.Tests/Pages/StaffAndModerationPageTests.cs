using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>The staff and moderation pages over HTTP: what each role sees, and every forged POST refused.</summary>
public sealed class StaffAndModerationPageTests(WebFixture fixture) : WebTest(fixture)
{
    private const string NoteText = "Internal: known bug SSO-142, fix ships Tuesday";

    /// <summary>Registers, grants the roles, and signs in afresh so the cookie carries them.</summary>
    private async Task<HttpClient> PersonAsync(string displayName, params string[] roles)
    {
        var client = await NewMemberAsync(displayName);
        if (roles.Length == 0)
        {
            return client;
        }

        await Fixture.GrantAsync(displayName, roles, roles.Contains(Roles.Staff) ? "Product Manager" : roles.Contains(Roles.Executive) ? "CEO" : null);
        var signedIn = NewVisitor();
        using var response = await SubmitFormAsync(signedIn, "/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = EmailOf(displayName),
            ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return signedIn;
    }

    private static long PostIdOf(HttpResponseMessage redirect) => long.Parse(redirect.Headers.Location!.OriginalString.Split("#post-")[1]);

    private static long ThreadIdOf(string threadUrl) => long.Parse(threadUrl.Split('/')[^1]);

    /// <summary>A valid antiforgery token for this client, taken from any form it can see.</summary>
    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var form = (await GetPageAsync(client, url)).QuerySelector<IHtmlFormElement>("form[method=post]")!;
        return FormValues(form)["__RequestVerificationToken"];
    }

    [Fact]
    public async Task Staff_notes_never_reach_a_members_or_visitors_page()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice, title: "SSO lands in the wrong workspace");
        using (await ReplyAsync(await NewMemberAsync("Bruno"), thread, "Same here.")) { }
        var sam = await PersonAsync("Sam", Roles.Staff);
        using var note = await SubmitFormAsync(sam, thread, new Dictionary<string, string> { ["Input.Body"] = NoteText, ["Input.IsStaffNote"] = "true" }, "#reply-form form");
        var noteId = PostIdOf(note);

        var staffView = await GetPageAsync(sam, thread);
        Assert.Contains(NoteText, staffView.GetElementById($"post-{noteId}")!.TextContent, StringComparison.Ordinal);
        foreach (var reader in new[] { NewVisitor(), alice })
        {
            foreach (var url in new[] { "/", "/s/questions", thread, $"{thread}?before={noteId + 1}", $"{thread}?replyTo={noteId}", "/values" })
            {
                using var response = await reader.GetAsync(url);
                var html = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(NoteText, html, StringComparison.Ordinal);
                Assert.DoesNotContain("Staff note", html, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("Sam", (await GetPageAsync(reader, "/s/questions")).QuerySelector(".thread-list")!.TextContent, StringComparison.Ordinal);
            using var history = await reader.GetAsync($"/posts/{noteId}/history");
            Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        }
    }

    [Fact]
    public async Task A_members_forged_staff_note_is_refused_and_nothing_is_posted()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);

        Assert.Null((await GetPageAsync(alice, thread)).QuerySelector("#Input_IsStaffNote"));
        using var response = await SubmitFormAsync(alice, thread, new Dictionary<string, string> { ["Input.Body"] = "Sneaky", ["Input.IsStaffNote"] = "true" }, "#reply-form form");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await ReplyCountAsync());
    }

    [Fact]
    public async Task Members_see_no_moderation_tools_and_their_forged_moderation_posts_are_refused()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        using var reply = await ReplyAsync(await NewMemberAsync("Bruno"), thread, "A reply to hide.");
        var replyId = PostIdOf(reply);
        var threadId = ThreadIdOf(thread);
        var brunoId = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Bruno").Select(m => m.Id).SingleAsync());
        var sam = await PersonAsync("Sam", Roles.Staff);
        using (await SubmitFormAsync(alice, $"/posts/{replyId}/flag", new Dictionary<string, string> { ["Input.Reason"] = "Spam" })) { }
        var flagId = await DbAsync(db => db.Flags.Select(f => f.Id).SingleAsync());

        foreach (var person in new[] { alice, sam })
        {
            var page = await GetPageAsync(person, thread);
            Assert.Null(page.QuerySelector(".moderation-bar"));
            Assert.Empty(page.QuerySelectorAll($"a[href='/posts/{replyId}/hide']"));
            var token = await TokenAsync(person, thread);
            var forged = new (string Url, Dictionary<string, string> Fields)[]
            {
                ($"/moderation/threads/{threadId}?handler=change", new() { ["Input.Change"] = "Lock" }),
                ($"/moderation/threads/{threadId}?handler=move", new() { ["Move.ToSpaceSlug"] = "ideas" }),
                ($"/posts/{replyId}/hide", new() { ["Input.Reason"] = "Forged" }),
                ($"/posts/{replyId}/actions?handler=restore", new()),
                ($"/moderation/members/{brunoId}?handler=sanction", new() { ["Sanction.Sanction"] = "Ban", ["Sanction.Reason"] = "Forged" }),
                ($"/moderation/members/{brunoId}?handler=roles", new() { ["Roles.Admin"] = "true" }),
                ("/moderation", new() { ["Input.FlagId"] = flagId.ToString(), ["Input.Outcome"] = "HidePost", ["Input.Reason"] = "Forged" }),
            };
            foreach (var (url, fields) in forged)
            {
                fields["__RequestVerificationToken"] = token;
                using var response = await PostAsync(person, url, fields);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} answered {response.StatusCode}");
            }

            foreach (var url in new[] { "/moderation", "/moderation/log", "/moderation/members", $"/moderation/members/{brunoId}", $"/posts/{replyId}/hide" })
            {
                using var response = await person.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} answered {response.StatusCode}");
            }
        }

        var stored = await DbAsync(db => db.Threads.SingleAsync(t => t.Id == threadId));
        Assert.False(stored.IsLocked);
        Assert.Equal("questions", await DbAsync(db => db.Spaces.Where(s => s.Id == stored.SpaceId).Select(s => s.Slug).SingleAsync()));
        Assert.Null(await DbAsync(db => db.Posts.Where(p => p.Id == replyId).Select(p => p.HiddenAt).SingleAsync()));
        Assert.False(await DbAsync(db => db.Members.Where(m => m.Id == brunoId).Select(m => m.IsBanned).SingleAsync()));
        Assert.Equal(0, await DbAsync(db => db.ModerationLog.CountAsync()));
        Assert.Null(await DbAsync(db => db.Flags.Select(f => f.ResolvedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_members_forged_official_answer_and_admin_posts_are_refused()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        using var reply = await ReplyAsync(await NewMemberAsync("Bruno"), thread, "An answer.");
        var replyId = PostIdOf(reply);
        var morgan = await PersonAsync("Morgan", Roles.Moderator);
        var space = await DbAsync(db => db.Spaces.SingleAsync());

        foreach (var person in new[] { alice, morgan })
        {
            var token = await TokenAsync(person, thread);
            using var official = await PostAsync(person, $"/posts/{replyId}/actions?handler=official",
                new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Official"] = "true", ["ReturnUrl"] = thread });
            Assert.Equal(HttpStatusCode.Forbidden, official.StatusCode);
            foreach (var (url, fields) in new (string, Dictionary<string, string>)[]
            {
                ("/admin/spaces/new", new() { ["Input.Name"] = "Forged", ["Input.Slug"] = "forged", ["Input.Purpose"] = "Forged" }),
                ($"/admin/spaces/{space.Id}/edit", new() { ["Input.Name"] = "Forged", ["Input.Slug"] = "forged", ["Input.Purpose"] = "Forged" }),
                ("/admin/spaces", new() { ["SpaceId"] = space.Id.ToString(), ["By"] = "1" }),
                ("/admin/values", new() { ["Input.Body"] = "Anything goes" }),
            })
            {
                fields["__RequestVerificationToken"] = token;
                using var response = await PostAsync(person, url, fields);
                // The admin pages turn non-admins away before the use case (which would refuse them too).
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal),
                    $"{url} answered {response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Null(await DbAsync(db => db.Threads.Select(t => t.OfficialAnswerPostId).SingleAsync()));
        Assert.Equal("questions", (await DbAsync(db => db.Spaces.SingleAsync())).Slug);
        Assert.False(await DbAsync(db => db.Values.AnyAsync()));
    }

    [Fact]
    public async Task A_moderator_locks_a_thread_from_its_page_and_a_member_is_told_instead_of_shown_the_form()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var morgan = await PersonAsync("Morgan", Roles.Moderator);

        using var locked = await SubmitFormAsync(morgan, thread, new Dictionary<string, string> { ["Input.Change"] = "Lock", ["Input.Reason"] = "Heated" }, ".moderation-bar form");

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(thread, locked.Headers.Location!.OriginalString);
        var page = await GetPageAsync(alice, thread);
        Assert.Contains("Locked", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#reply-form form"));
        Assert.Contains("locked", page.QuerySelector(".thread-state-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".post__reply"));
        Assert.Empty(page.QuerySelectorAll("a[href$='/edit']"));
        Assert.NotEmpty((await GetPageAsync(morgan, thread)).QuerySelectorAll(".post__reply"));
        var entry = await DbAsync(db => db.ModerationLog.SingleAsync());
        Assert.Equal((ModerationAction.LockThread, "Heated"), (entry.Action, entry.Reason));
    }

    [Fact]
    public async Task Badges_and_titles_show_beside_the_company_s_people_on_their_posts()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var sam = await PersonAsync("Sam", Roles.Staff);
        using var reply = await ReplyAsync(sam, thread, "Product answer.");

        var post = (await GetPageAsync(NewVisitor(), thread)).GetElementById($"post-{PostIdOf(reply)}")!;

        Assert.Equal("Staff", post.QuerySelector(".member-badge")!.TextContent);
        Assert.Equal("Product Manager", post.QuerySelector(".member-title")!.TextContent);
    }

    [Fact]
    public async Task Editing_from_a_stale_form_shows_the_conflict_and_the_current_version()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        using var reply = await ReplyAsync(alice, thread, "First version");
        var replyId = PostIdOf(reply);
        var staleForm = (await GetPageAsync(alice, $"/posts/{replyId}/edit")).QuerySelector<IHtmlFormElement>("main form")!;
        using (await SubmitFormAsync(alice, $"/posts/{replyId}/edit", new Dictionary<string, string> { ["Input.Body"] = "Second version" })) { }

        using var stale = await PostAsync(alice, $"/posts/{replyId}/edit", FormValues(staleForm, new Dictionary<string, string> { ["Input.Body"] = "Competing version" }));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await ParseAsync(stale);
        Assert.Contains("Someone else changed this post", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Second version", page.QuerySelector(".current-version")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Competing version", page.QuerySelector("textarea")!.TextContent.Trim());
        Assert.Equal("Second version", await DbAsync(db => db.Posts.Where(p => p.Id == replyId).Select(p => p.Body).SingleAsync()));
    }

    [Fact]
    public async Task Someone_elses_post_cannot_be_edited_through_the_form()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        using var reply = await ReplyAsync(alice, thread, "Alice's words");
        var replyId = PostIdOf(reply);
        var bruno = await NewMemberAsync("Bruno");
        var version = await DbAsync(db => db.Posts.Where(p => p.Id == replyId).Select(p => p.Version).SingleAsync());

        using var form = await bruno.GetAsync($"/posts/{replyId}/edit");
        using var forged = await PostAsync(bruno, $"/posts/{replyId}/edit", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(bruno, thread),
            ["Input.Body"] = "Bruno was here",
            ["Input.Version"] = version.ToString(),
        });

        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("Alice's words", await DbAsync(db => db.Posts.Where(p => p.Id == replyId).Select(p => p.Body).SingleAsync()));
    }

    [Fact]
    public async Task A_suspended_member_is_told_why_and_until_when_on_the_reply_form()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        await DbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.DisplayName == "Alice");
            member.Suspend(Viewer.Of(Guid.NewGuid(), [Roles.Moderator]), isAdmin: false, new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), "Repeated spam", null, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        using var response = await ReplyAsync(alice, thread, "Still here?");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await ParseAsync(response)).QuerySelector(".form-errors")!.TextContent;
        Assert.Contains("suspended from posting until 1 January 2099, 00:00 UTC", message, StringComparison.Ordinal);
        Assert.Contains("Repeated spam", message, StringComparison.Ordinal);
        Assert.Equal(0, await ReplyCountAsync());
    }

    [Fact]
    public async Task An_admin_creates_a_space_writes_the_values_and_gives_a_member_a_title()
    {
        var ada = await PersonAsync("Ada", Roles.Admin);
        await NewMemberAsync("Sam");
        var samId = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Sam").Select(m => m.Id).SingleAsync());

        using var created = await SubmitFormAsync(ada, "/admin/spaces/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Integrations", ["Input.Slug"] = "integrations", ["Input.Purpose"] = "Connecting the product to everything else.",
        });
        using var values = await SubmitFormAsync(ada, "/admin/values", new Dictionary<string, string> { ["Input.Body"] = "# Be kind\n\nAssume good intent." });
        using var roles = await SubmitFormAsync(ada, $"/moderation/members/{samId}", new Dictionary<string, string>
        {
            ["Roles.Staff"] = "true", ["Roles.Title"] = "Support Lead",
        }, "form[action$='handler=roles']");

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect], new[] { created.StatusCode, values.StatusCode, roles.StatusCode });
        Assert.Equal("Integrations", (await GetPageAsync(NewVisitor(), "/s/integrations")).QuerySelector("h1")!.TextContent);
        Assert.Equal("Be kind", (await GetPageAsync(NewVisitor(), "/values")).QuerySelector(".values h2")!.TextContent);
        Assert.Equal((MemberBadge.Staff, "Support Lead"), await DbAsync(db => db.Members.Where(m => m.Id == samId).Select(m => new ValueTuple<MemberBadge, string?>(m.Badge, m.Title)).SingleAsync()));
    }

    [Fact]
    public async Task Executives_who_took_part_recently_show_on_the_home_and_space_pages_and_threads_filter_to_the_company()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var withErin = await StartThreadAsync(alice, title: "Dark mode please");
        await StartThreadAsync(alice, title: "Nobody from the company here");
        var erin = await PersonAsync("Erin", Roles.Executive);
        using (await ReplyAsync(erin, withErin, "On our list for next quarter.")) { }

        var home = await GetPageAsync(NewVisitor(), "/");
        var space = await GetPageAsync(NewVisitor(), "/s/questions");
        var filtered = await GetPageAsync(NewVisitor(), "/s/questions?with=company");

        Assert.Contains("Erin, CEO, in Dark mode please", System.Text.RegularExpressions.Regex.Replace(home.QuerySelector(".presence")!.TextContent, @"\s+", " "), StringComparison.Ordinal);
        Assert.NotNull(space.QuerySelector(".presence"));
        Assert.Equal(2, space.QuerySelectorAll(".thread-row").Length);
        Assert.Equal(["Dark mode please"], filtered.QuerySelectorAll(".thread-row__title a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task A_warned_member_reads_the_warning_on_their_standing_page_and_cannot_read_anyone_elses()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var bruno = await NewMemberAsync("Bruno");
        using var reply = await ReplyAsync(bruno, thread, "Rude words");
        var aliceId = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Alice").Select(m => m.Id).SingleAsync());
        var brunoId = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Bruno").Select(m => m.Id).SingleAsync());
        var morgan = await PersonAsync("Morgan", Roles.Moderator);
        using (await SubmitFormAsync(morgan, $"/moderation/members/{brunoId}", new Dictionary<string, string>
        {
            ["Sanction.Sanction"] = "Warn", ["Sanction.Reason"] = "Please keep it civil",
        }, "form[action$='handler=sanction']")) { }

        var standing = await GetPageAsync(bruno, "/account/standing");
        using var someoneElses = await bruno.GetAsync($"/moderation/members/{aliceId}");

        Assert.Contains("A moderator warned you. Reason: Please keep it civil", standing.QuerySelector(".history-list")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Morgan", standing.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, someoneElses.StatusCode);
    }
}

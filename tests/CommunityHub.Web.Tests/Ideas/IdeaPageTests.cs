using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Ideas;

/// <summary>Ideas over HTTP: an admin makes an Ideas space through the pages, members vote from the list and the idea,
/// staff set statuses, moderators merge, and every forbidden path is refused on the server with nothing changed.</summary>
public sealed class IdeaPageTests(WebFixture fixture) : WebTest(fixture)
{
    private sealed record Setup(HttpClient Alice, HttpClient Bruno, string Idea, long IdeaId);

    private async Task<int> IdeasSpaceAsync(string slug = "ideas", int position = 2)
    {
        var space = await CreateSpaceAsync(slug, "Ideas " + slug, position);
        var ada = await NewMemberAsync("Ada " + slug, Roles.Admin);
        using var made = await SubmitFormAsync(ada, $"/admin/spaces/{space.Id}/edit", new Dictionary<string, string>(), "form[action*='handler=ideas']");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        return space.Id;
    }

    private async Task<Setup> IdeaAsync()
    {
        await CreateSpaceAsync();
        await IdeasSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var idea = await StartThreadAsync(alice, "ideas", "Dark mode for the dashboard", "Our night shift would love it.");
        var bruno = await NewMemberAsync("Bruno");
        return new Setup(alice, bruno, idea, long.Parse(idea.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private Task<int> VotesAsync(long id) => DbAsync(db => db.Ideas.Where(i => i.ThreadId == id).Select(i => i.VoteCount).SingleAsync());

    [Fact]
    public async Task An_Ideas_space_lists_its_ideas_with_votes_and_a_vote_from_the_list_counts_once()
    {
        var setup = await IdeaAsync();

        using var space = await setup.Bruno.GetAsync("/s/ideas");
        Assert.Equal(HttpStatusCode.Redirect, space.StatusCode);
        Assert.Equal("/s/ideas/ideas", space.Headers.Location!.OriginalString);
        for (var i = 0; i < 2; i++)
        {
            using var voted = await SubmitFormAsync(setup.Bruno, "/s/ideas/ideas", new Dictionary<string, string> { ["vote"] = "true" }, ".idea-row form");
            Assert.Equal(HttpStatusCode.Redirect, voted.StatusCode);
            Assert.Equal("/s/ideas/ideas", voted.Headers.Location!.OriginalString);
        }

        Assert.Equal(2, await VotesAsync(setup.IdeaId));
        var list = await GetPageAsync(setup.Bruno, "/s/ideas/ideas");
        Assert.Contains("2 votes", list.QuerySelector(".idea-row")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", list.QuerySelector(".idea-row button")!.GetAttribute("aria-pressed"));
        foreach (var sort in new[] { "?sort=trending", "?sort=new", "?status=planned", "?sort=nonsense&status=nonsense&after=x" })
        {
            await GetPageAsync(setup.Bruno, "/s/ideas/ideas" + sort);
        }

        var voters = await GetPageAsync(NewVisitor(), setup.Idea + "/voters");
        Assert.Equal(2, voters.QuerySelectorAll(".voter-list li").Length);
    }

    [Fact]
    public async Task A_signed_out_vote_goes_to_sign_in_and_counts_nothing()
    {
        var setup = await IdeaAsync();
        var visitor = NewVisitor();
        var page = await GetPageAsync(visitor, setup.Idea);
        Assert.NotNull(page.QuerySelector("#idea a[href^='/account/sign-in']"));

        using var response = await SubmitFormAsync(visitor, "/account/sign-in", new Dictionary<string, string> { ["vote"] = "true" }, formAction: $"/ideas/{setup.IdeaId}?handler=vote");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(1, await VotesAsync(setup.IdeaId));
    }

    [Theory]
    [InlineData("suspended")]
    [InlineData("banned")]
    public async Task A_sanctioned_member_is_offered_no_vote_and_a_forged_vote_is_refused_with_the_reason(string sanction)
    {
        var setup = await IdeaAsync();
        await DbAsync(async db =>
        {
            var bruno = await db.Members.SingleAsync(m => m.DisplayName == "Bruno");
            var moderator = Viewer.Of(Guid.NewGuid(), [Roles.Moderator]);
            if (sanction == "banned")
            {
                bruno.Ban(moderator, isAdmin: false, "Vote rigging", null, DateTimeOffset.UtcNow);
            }
            else
            {
                bruno.Suspend(moderator, isAdmin: false, new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), "Vote rigging", null, DateTimeOffset.UtcNow);
            }

            return await db.SaveChangesAsync();
        });

        var idea = await GetPageAsync(setup.Bruno, setup.Idea);
        Assert.NotNull(idea.QuerySelector("#idea"));
        Assert.Null(idea.QuerySelector("#idea form[action*='handler=vote']"));
        Assert.Null(idea.QuerySelector("#idea a[href^='/account/sign-in']"));
        var list = await GetPageAsync(setup.Bruno, "/s/ideas/ideas");
        Assert.NotNull(list.QuerySelector(".idea-row"));
        Assert.Null(list.QuerySelector(".idea-row form"));

        // A real antiforgery token, from the header's sign-out form, on a vote the page did not offer.
        using var forged = await SubmitFormAsync(setup.Bruno, "/notifications", new Dictionary<string, string>(), "form[action*='sign-out']",
            $"/ideas/{setup.IdeaId}?handler=vote", new Dictionary<string, string> { ["vote"] = "true" });

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        var refusal = (await ParseAsync(forged)).QuerySelector(".form-errors")!.TextContent;
        Assert.Contains(sanction == "banned" ? "banned from posting" : "suspended from posting", refusal, StringComparison.Ordinal);
        Assert.Contains("Vote rigging", refusal, StringComparison.Ordinal);
        Assert.Equal(1, await VotesAsync(setup.IdeaId));
        Assert.Equal(1, await DbAsync(db => db.IdeaVotes.CountAsync()));
    }

    [Fact]
    public async Task The_same_vote_form_sent_twice_from_the_idea_leaves_one_vote()
    {
        var setup = await IdeaAsync();
        var form = (await GetPageAsync(setup.Bruno, setup.Idea)).QuerySelector<IHtmlFormElement>("#idea form[action*='handler=vote']")!;
        var values = FormValues(form);
        Assert.Equal("true", values["vote"]);

        // Two tabs, or a double click: both say "vote".
        using var first = await PostAsync(setup.Bruno, form.GetAttribute("action")!, values);
        using var second = await PostAsync(setup.Bruno, form.GetAttribute("action")!, values);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Equal(2, await VotesAsync(setup.IdeaId));
        var brunoId = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Bruno").Select(m => m.Id).SingleAsync());
        Assert.Equal(1, await DbAsync(db => db.IdeaVotes.CountAsync(v => v.MemberId == brunoId)));
        var idea = await GetPageAsync(setup.Bruno, setup.Idea);
        Assert.Contains("2 votes", idea.QuerySelector(".idea-votes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("false", idea.QuerySelector("#idea form[action*='handler=vote'] input[name='vote']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_vote_for_no_thread_or_a_plain_question_and_an_unknown_status_are_refused_and_nothing_is_written()
    {
        var setup = await IdeaAsync();
        var question = await StartThreadAsync(setup.Alice, "questions", "Is there a dark mode?", "Asking.");
        var questionId = question.Split('/')[^1];
        var sam = await NewMemberAsync("Sam", Roles.Staff);

        using var missing = await SubmitFormAsync(setup.Bruno, setup.Idea, new Dictionary<string, string>(), "#idea form[action*='handler=vote']", "/ideas/987654321?handler=vote");
        using var plain = await SubmitFormAsync(setup.Bruno, setup.Idea, new Dictionary<string, string>(), "#idea form[action*='handler=vote']", $"/ideas/{questionId}?handler=vote");
        using var unknownStatus = await SubmitFormAsync(sam, setup.Idea, new Dictionary<string, string> { ["Input.Status"] = "abandoned" }, "#idea form[action*='handler=status']");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Contains("Only threads of an Ideas space are ideas.", (await ParseAsync(plain)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unknownStatus.StatusCode);
        Assert.Contains("Choose one of the statuses.", (await ParseAsync(unknownStatus)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await DbAsync(db => db.IdeaVotes.CountAsync()));
        Assert.Equal(1, await DbAsync(db => db.Ideas.CountAsync()));
        Assert.Equal(0, await DbAsync(db => db.IdeaStatusChanges.CountAsync()));
    }

    [Fact]
    public async Task Staff_set_a_status_that_shows_as_an_official_update_and_reaches_the_voters()
    {
        var setup = await IdeaAsync();
        using (await SubmitFormAsync(setup.Bruno, setup.Idea, new Dictionary<string, string> { ["vote"] = "true" }, "#idea form"))
        {
        }

        var sam = await NewMemberAsync("Sam", Roles.Staff);
        using var set = await SubmitFormAsync(sam, setup.Idea, new Dictionary<string, string> { ["Input.Status"] = "planned", ["Input.Note"] = "Next quarter, dashboard first." },
            "#idea form[action*='handler=status']");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        var idea = await GetPageAsync(setup.Bruno, setup.Idea);
        Assert.Contains("Official update: Planned", idea.QuerySelector(".idea-panel__update")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Next quarter, dashboard first.", idea.QuerySelector(".idea-panel__note")!.TextContent, StringComparison.Ordinal);
        var notifications = await GetPageAsync(setup.Bruno, "/notifications");
        Assert.Contains("gave a new status to the idea", notifications.Body!.TextContent, StringComparison.Ordinal);
        var roadmap = await GetPageAsync(NewVisitor(), "/roadmap");
        Assert.Contains("Dark mode for the dashboard", roadmap.QuerySelector("#status-planned")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_forging_a_status_change_or_a_merge_is_refused_and_nothing_changes()
    {
        var setup = await IdeaAsync();
        var other = await StartThreadAsync(setup.Alice, "ideas", "Dark theme please", "Same idea.");
        var otherId = long.Parse(other.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        using var status = await SubmitFormAsync(setup.Bruno, setup.Idea, new Dictionary<string, string>(), "#idea form", $"/ideas/{setup.IdeaId}?handler=status",
            new Dictionary<string, string> { ["Input.Status"] = "shipped", ["Input.Note"] = "Forged" });
        using var merge = await SubmitFormAsync(setup.Bruno, setup.Idea, new Dictionary<string, string>(), "#idea form", $"/ideas/{otherId}?handler=merge",
            new Dictionary<string, string> { ["into"] = setup.IdeaId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var sam = await NewMemberAsync("Sam", Roles.Staff);
        using var mergeByStaff = await SubmitFormAsync(sam, setup.Idea, new Dictionary<string, string>(), "#idea form", $"/ideas/{otherId}?handler=merge",
            new Dictionary<string, string> { ["into"] = setup.IdeaId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Forbidden, status.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, merge.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, mergeByStaff.StatusCode);
        Assert.Equal(0, await DbAsync(db => db.IdeaStatusChanges.CountAsync()));
        Assert.Equal(0, await DbAsync(db => db.Ideas.CountAsync(i => i.MergedIntoThreadId != null || i.Status != IdeaStatus.New)));
        Assert.False(await DbAsync(db => db.Threads.AnyAsync(t => t.IsClosed)));
    }

    [Fact]
    public async Task A_moderator_merges_a_duplicate_but_not_into_itself_nor_across_spaces()
    {
        var setup = await IdeaAsync();
        var duplicate = await StartThreadAsync(setup.Bruno, "ideas", "Dark theme please", "Same idea.");
        var duplicateId = long.Parse(duplicate.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await IdeasSpaceAsync("more-ideas", 3);
        var elsewhere = await StartThreadAsync(setup.Alice, "more-ideas", "Dark mode elsewhere", "Same.");
        var elsewhereId = elsewhere.Split('/')[^1];
        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);

        using var intoItself = await SubmitFormAsync(morgan, duplicate, new Dictionary<string, string> { ["into"] = duplicateId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "#idea form[action*='handler=merge']");
        using var across = await SubmitFormAsync(morgan, duplicate, new Dictionary<string, string> { ["into"] = elsewhereId }, "#idea form[action*='handler=merge']");
        Assert.Contains("cannot be merged into itself", (await ParseAsync(intoItself)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("only within one space", (await ParseAsync(across)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(db => db.Ideas.CountAsync(i => i.MergedIntoThreadId != null)));

        var form = (await GetPageAsync(morgan, duplicate)).QuerySelector<IHtmlFormElement>("#idea form[action*='handler=merge']")!;
        using var merged = await SubmitFormAsync(morgan, duplicate, new Dictionary<string, string> { ["into"] = setup.IdeaId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "#idea form[action*='handler=merge']");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.NotNull(form);

        Assert.Equal(2, await VotesAsync(setup.IdeaId));
        var page = await GetPageAsync(setup.Bruno, duplicate);
        Assert.NotNull(page.QuerySelector($".idea-panel__merged a[href='{setup.Idea}']"));
        Assert.Null(page.QuerySelector("#idea form[action*='handler=vote']"));
    }

    [Fact]
    public async Task An_idea_in_a_private_space_is_absent_from_the_roadmap_for_outsiders()
    {
        var setup = await IdeaAsync();
        var secretSpace = await IdeasSpaceAsync("beta-ideas", 3);
        var secret = await StartThreadAsync(setup.Alice, "beta-ideas", "Quokka integration", "Secret.");
        var secretId = long.Parse(secret.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await DbAsync(async db =>
        {
            var someone = await db.Members.Select(m => m.Id).FirstAsync();
            var group = CommunityHub.Domain.Groups.MemberGroup.Create(900, "Beta programme", "Testers.", someone, DateTimeOffset.UtcNow);
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            var space = await db.Spaces.SingleAsync(s => s.Id == secretSpace);
            space.RestrictTo([group], someone, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var sam = await NewMemberAsync("Sam", Roles.Staff);
        foreach (var (idea, id) in new[] { (setup.Idea, setup.IdeaId), (secret, secretId) })
        {
            using var set = await SubmitFormAsync(sam, idea, new Dictionary<string, string> { ["Input.Status"] = "planned" }, "#idea form[action*='handler=status']");
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        Assert.Contains("Quokka integration", (await GetPageAsync(sam, "/roadmap")).Body!.TextContent, StringComparison.Ordinal);
        foreach (var outsider in new[] { setup.Bruno, NewVisitor() })
        {
            var roadmap = await GetPageAsync(outsider, "/roadmap");
            Assert.Contains("Dark mode for the dashboard", roadmap.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Quokka", roadmap.Body!.TextContent, StringComparison.Ordinal);
        }

        await GetPageAsync(setup.Bruno, secret + "/voters", HttpStatusCode.NotFound);
        using (var forged = await SubmitFormAsync(setup.Bruno, setup.Idea, new Dictionary<string, string>(), "#idea form[action*='handler=vote']", $"/ideas/{secretId}?handler=vote"))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        Assert.Equal(1, await VotesAsync(secretId));
        // Alice started both, but is outside the group now: she hears of the open one only.
        Assert.Equal(1, await DbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.IdeaStatusChanged)));
    }

    [Fact]
    public async Task The_idea_pages_are_valid_html()
    {
        var setup = await IdeaAsync();
        var duplicate = await StartThreadAsync(setup.Bruno, "ideas", "Dark theme please", "Same idea.");
        var sam = await NewMemberAsync("Sam", Roles.Staff);
        using (await SubmitFormAsync(sam, setup.Idea, new Dictionary<string, string> { ["Input.Status"] = "in-progress", ["Input.Note"] = "Under way.\nFirst the dashboard." }, "#idea form[action*='handler=status']"))
        {
        }

        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);
        var ideasSpace = await DbAsync(db => db.Spaces.Where(s => s.Slug == "ideas").Select(s => s.Id).SingleAsync());
        var pages = new Dictionary<string, string>
        {
            ["ideas"] = await Pages.HtmlConformanceTests.HtmlAsync(NewVisitor(), "/s/ideas/ideas"),
            ["ideas-signed-in"] = await Pages.HtmlConformanceTests.HtmlAsync(setup.Bruno, "/s/ideas/ideas?sort=trending"),
            ["ideas-empty-status"] = await Pages.HtmlConformanceTests.HtmlAsync(setup.Bruno, "/s/ideas/ideas?status=declined"),
            ["idea-visitor"] = await Pages.HtmlConformanceTests.HtmlAsync(NewVisitor(), setup.Idea),
            ["idea-staff"] = await Pages.HtmlConformanceTests.HtmlAsync(sam, setup.Idea),
            ["idea-moderator"] = await Pages.HtmlConformanceTests.HtmlAsync(morgan, duplicate),
            ["idea-refused"] = await Pages.HtmlConformanceTests.FormHtmlAsync(SubmitFormAsync(morgan, duplicate, new Dictionary<string, string> { ["into"] = duplicate.Split('/')[^1] }, "#idea form[action*='handler=merge']")),
            ["voters"] = await Pages.HtmlConformanceTests.HtmlAsync(NewVisitor(), setup.Idea + "/voters"),
            ["roadmap"] = await Pages.HtmlConformanceTests.HtmlAsync(NewVisitor(), "/roadmap"),
            ["new-thread-checked"] = await Pages.HtmlConformanceTests.FormHtmlAsync(SubmitFormAsync(setup.Bruno, "/s/ideas/new", new Dictionary<string, string> { ["Input.Title"] = "dark mode", ["Input.Body"] = "x" }, formAction: "/s/ideas/new?handler=check")),
            ["thread-with-related"] = await Pages.HtmlConformanceTests.HtmlAsync(NewVisitor(), duplicate),
            ["dashboard-deflection"] = await Pages.HtmlConformanceTests.HtmlAsync(sam, "/staff/dashboard"),
            ["admin-space"] = await Pages.HtmlConformanceTests.HtmlAsync(await NewMemberAsync("Ada", Roles.Admin), $"/admin/spaces/{ideasSpace}/edit"),
        };

        var findings = await Pages.HtmlConformanceTests.CheckAsync(pages);

        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));
    }

    [Fact]
    public async Task Search_results_for_an_idea_show_its_votes_and_status_and_other_threads_show_neither()
    {
        var setup = await IdeaAsync();
        await StartThreadAsync(setup.Alice, "questions", "Dark mode question", "Is there a dark mode?");
        using (await SubmitFormAsync(setup.Bruno, setup.Idea, new Dictionary<string, string> { ["vote"] = "true" }, "#idea form"))
        {
        }

        var sam = await NewMemberAsync("Sam", Roles.Staff);
        using (await SubmitFormAsync(sam, setup.Idea, new Dictionary<string, string> { ["Input.Status"] = "planned" }, "#idea form[action*='handler=status']"))
        {
        }

        var results = await GetPageAsync(NewVisitor(), "/search?q=dark");
        var hits = results.QuerySelectorAll(".search-hit").ToDictionary(h => h.QuerySelector("h3")!.TextContent.Trim(), h => h.QuerySelector(".meta")!.TextContent);

        Assert.Contains("2 votes", hits["Dark mode for the dashboard"], StringComparison.Ordinal);
        Assert.Contains("Planned", hits["Dark mode for the dashboard"], StringComparison.Ordinal);
        Assert.DoesNotContain("vote", hits["Dark mode question"], StringComparison.Ordinal);
    }
}

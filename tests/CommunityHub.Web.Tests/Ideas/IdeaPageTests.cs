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

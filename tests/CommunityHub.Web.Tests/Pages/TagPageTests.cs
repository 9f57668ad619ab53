using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>Tags and the steerable lists over HTTP: an admin defines tags through the pages, members tag their threads
/// on the form and find them through tag pages, filters and feeds; wrong roles, someone else's thread, unknown tags
/// and filter values are refused or ignored, never a 500.</summary>
public sealed class TagPageTests(WebFixture fixture) : WebTest(fixture)
{
    /// <summary>Ada (admin) defines a "Product" group required in Questions, with "ledger", and an ungrouped "exports".</summary>
    private async Task<HttpClient> DefineTagsAsync(bool productRequired = false)
    {
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        var questions = await DbAsync(db => db.Spaces.Where(s => s.Slug == "questions").Select(s => s.Id).SingleAsync());
        var group = new Dictionary<string, string> { ["Input.Name"] = "Product", ["Input.Description"] = "Which product" };
        if (productRequired)
        {
            group["Input.RequiredInSpaceIds"] = questions.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using (var created = await SubmitFormAsync(ada, "/admin/tags/groups", group))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var groupId = await DbAsync(db => db.TagGroups.Select(g => g.Id).SingleAsync());
        using (var ledger = await SubmitFormAsync(ada, "/admin/tags", new Dictionary<string, string> { ["Input.Name"] = "ledger", ["Input.Description"] = "The ledger app", ["Input.GroupId"] = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, ledger.StatusCode);
        }

        using (var exports = await SubmitFormAsync(ada, "/admin/tags", new Dictionary<string, string> { ["Input.Name"] = "exports" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, exports.StatusCode);
        }

        return ada;
    }

    /// <summary>Refused as forbidden: a 403, or (from the authorization middleware) a redirect to the 403 page.</summary>
    private static void AssertForbidden(HttpResponseMessage response, string what) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal)),
            $"{what} answered {response.StatusCode} {response.Headers.Location}");

    private static async Task<HttpResponseMessage> StartTaggedAsync(HttpClient member, string title, string tags) =>
        await SubmitFormAsync(member, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Body"] = "Body", ["Input.Tags"] = tags });

    private Task<List<string>> TagsOfAsync(string title) =>
        DbAsync(db => db.ThreadTags.Where(t => db.Threads.Any(x => x.Id == t.ThreadId && x.Title == title)).Select(t => t.Tag!.Name).OrderBy(n => n).ToListAsync());

    [Fact]
    public async Task A_member_tags_a_new_thread_and_finds_it_on_the_tag_page_in_its_feed_and_through_a_filter()
    {
        await CreateSpaceAsync();
        var ada = await DefineTagsAsync();
        var admin = await GetPageAsync(ada, "/admin/tags");
        Assert.Equal(["ledger", "exports"], admin.QuerySelectorAll(".tag-rows .topic-tag").Select(a => a.TextContent));
        var alice = await NewMemberAsync("Alice");
        var form = await GetPageAsync(alice, "/s/questions/new");
        Assert.Equal(["ledger", "exports"], form.QuerySelectorAll("input[name='Input.Tags']").Select(i => ((IHtmlInputElement)i).Value));

        using var started = await StartTaggedAsync(alice, "Ledger totals are off", "ledger,exports");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var thread = await GetPageAsync(alice, started.Headers.Location!.OriginalString);
        Assert.Equal(["exports", "ledger"], thread.QuerySelectorAll(".thread-tags .topic-tag").Select(a => a.TextContent));
        Assert.Equal("Change tags", thread.QuerySelector(".thread-tags__edit")!.TextContent);
        await StartThreadAsync(alice, title: "Untagged");

        var visitor = NewVisitor();
        var tagPage = await GetPageAsync(visitor, "/tags/ledger");
        Assert.Equal(["Ledger totals are off"], tagPage.QuerySelectorAll(".thread-row__title a").Select(a => a.TextContent));
        Assert.Null(tagPage.QuerySelector("form[method='post']"));
        // "Search in this tag" searches with the tag chosen.
        Assert.Equal("ledger", tagPage.QuerySelector<IHtmlFormElement>("form[role='search']")!.QuerySelector<IHtmlInputElement>("input[name='tag']")!.Value);
        var found = await GetPageAsync(visitor, "/search?q=ledger+totals&tag=ledger");
        Assert.Equal(["Ledger totals are off"], found.QuerySelectorAll(".search-hit__title").Select(h => h.TextContent.Trim()));
        Assert.Equal("ledger", found.QuerySelector("#tag option[selected]")!.GetAttribute("value"));
        var unanswered = await GetPageAsync(visitor, tagPage.QuerySelector<IHtmlAnchorElement>("nav[aria-label='Which threads'] a[href*='show=unanswered']")!.GetAttribute("href")!);
        Assert.Equal(["Ledger totals are off"], unanswered.QuerySelectorAll(".thread-row__title a").Select(a => a.TextContent));
        var solved = await GetPageAsync(visitor, "/tags/ledger?show=solved");
        Assert.Equal("No threads match this choice.", solved.QuerySelector(".empty")!.TextContent);
        var latest = await GetPageAsync(visitor, "/latest");
        Assert.Equal(["Untagged", "Ledger totals are off"], latest.QuerySelectorAll(".thread-row__title a").Select(a => a.TextContent));
        Assert.Contains("/tags/ledger", latest.QuerySelectorAll(".topic-tag").Select(a => a.GetAttribute("href")));
        var home = await GetPageAsync(visitor, "/");
        Assert.Equal(2, home.QuerySelectorAll("#latest-heading ~ ol .thread-row").Length);

        using var feed = await visitor.GetAsync("/tags/exports/feed.atom");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var atom = await feed.Content.ReadAsStringAsync();
        Assert.Contains("Ledger totals are off", atom, StringComparison.Ordinal);
        Assert.DoesNotContain("Untagged", atom, StringComparison.Ordinal);
        Assert.Contains("/tags/exports", atom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_tags_and_filter_values_are_a_404_a_message_or_ignored_never_a_500()
    {
        await CreateSpaceAsync();
        await DefineTagsAsync();
        var alice = await NewMemberAsync("Alice");

        foreach (var url in new[] { "/tags/nowhere", "/tags/nowhere/feed.atom", "/tags/%3Cscript%3E" })
        {
            using var missing = await alice.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        foreach (var url in new[] { "/latest?show=everything&sort=sideways&period=forever", "/s/questions?show=%00&sort=top&period=decade", "/tags/ledger?sort=votes", "/unread?show=mine" })
        {
            using var ignored = await alice.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, ignored.StatusCode);
        }

        using var badCursor = await alice.GetAsync("/latest?after=garbage");
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);

        using var unknown = await StartTaggedAsync(alice, "Unknown tag", "ledger,nonsense");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("There is no tag \u201cnonsense\u201d", (await ParseAsync(unknown)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        using var many = await StartTaggedAsync(alice, "Five hundred tags", string.Join(',', Enumerable.Range(0, 500).Select(i => $"tag{i}")));
        Assert.Equal(HttpStatusCode.OK, many.StatusCode);
        Assert.Contains("at most 5 tags", (await ParseAsync(many)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(db => db.Threads.CountAsync()));
    }

    [Fact]
    public async Task A_space_that_requires_a_product_says_so_on_the_form_and_refuses_a_thread_without_one()
    {
        await CreateSpaceAsync();
        await DefineTagsAsync(productRequired: true);
        var alice = await NewMemberAsync("Alice");
        var form = await GetPageAsync(alice, "/s/questions/new");
        Assert.Contains("required here: pick one", form.QuerySelector("fieldset.tag-choice legend")!.TextContent, StringComparison.Ordinal);

        using var refused = await StartTaggedAsync(alice, "No product", "exports");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await ParseAsync(refused);
        Assert.Contains("This space asks for a tag from \u201cProduct\u201d", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.True(((IHtmlInputElement)page.QuerySelector("input[name='Input.Tags'][value='exports']")!).IsChecked);
        Assert.Equal(0, await DbAsync(db => db.Threads.CountAsync()));
        using var accepted = await StartTaggedAsync(alice, "With a product", "ledger");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task Changing_a_threads_tags_to_an_unknown_tag_or_500_tags_is_sent_back_with_a_message_and_changes_nothing()
    {
        await CreateSpaceAsync();
        await DefineTagsAsync();
        var alice = await NewMemberAsync("Alice");
        using var started = await StartTaggedAsync(alice, "Ledger totals are off", "ledger");
        var thread = started.Headers.Location!.OriginalString;

        using var unknown = await SubmitFormAsync(alice, $"{thread}/tags", new Dictionary<string, string> { ["Input.Tags"] = "exports,nonsense" });
        using var many = await SubmitFormAsync(alice, $"{thread}/tags", new Dictionary<string, string> { ["Input.Tags"] = string.Join(',', Enumerable.Range(0, 500).Select(i => $"tag{i}")) });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unknown.StatusCode, many.StatusCode));
        Assert.Contains("There is no tag \u201cnonsense\u201d", (await ParseAsync(unknown)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("at most 5 tags", (await ParseAsync(many)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["ledger"], await TagsOfAsync("Ledger totals are off"));
    }

    [Fact]
    public async Task Only_the_starter_staff_and_moderators_change_a_threads_tags()
    {
        await CreateSpaceAsync();
        await DefineTagsAsync();
        var alice = await NewMemberAsync("Alice");
        using var started = await StartTaggedAsync(alice, "Ledger totals are off", "ledger");
        var thread = started.Headers.Location!.OriginalString;
        var bruno = await NewMemberAsync("Bruno");

        Assert.Null((await GetPageAsync(bruno, thread)).QuerySelector(".thread-tags__edit"));
        using (var page = await bruno.GetAsync($"{thread}/tags"))
        {
            AssertForbidden(page, "GET tags of someone else's thread");
        }

        // A forged POST, built on the form Alice sees, with Bruno's own antiforgery token.
        var token = (await GetPageAsync(bruno, "/s/questions/new")).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        using (var forged = await PostAsync(bruno, $"{thread}/tags", new Dictionary<string, string> { ["Input.Tags"] = "exports", ["__RequestVerificationToken"] = token }))
        {
            AssertForbidden(forged, "POST tags of someone else's thread");
        }

        Assert.Equal(["ledger"], await TagsOfAsync("Ledger totals are off"));
        using (var own = await SubmitFormAsync(alice, $"{thread}/tags", new Dictionary<string, string> { ["Input.Tags"] = "exports" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        }

        Assert.Equal(["exports"], await TagsOfAsync("Ledger totals are off"));
        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);
        using (var moderated = await SubmitFormAsync(morgan, $"{thread}/tags", new Dictionary<string, string> { ["Input.Tags"] = "ledger,exports" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, moderated.StatusCode);
        }

        Assert.Equal(["exports", "ledger"], await TagsOfAsync("Ledger totals are off"));
        using var anonymous = await NewVisitor().GetAsync($"{thread}/tags");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task Only_admins_reach_the_tag_pages_and_a_forged_post_by_a_moderator_or_member_is_refused()
    {
        await CreateSpaceAsync();
        await DefineTagsAsync();
        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);
        var bruno = await NewMemberAsync("Bruno");

        foreach (var client in new[] { morgan, bruno })
        {
            foreach (var url in new[] { "/admin/tags", "/admin/tags/groups" })
            {
                using var page = await client.GetAsync(url);
                AssertForbidden(page, $"GET {url}");
            }

            var token = (await GetPageAsync(client, "/s/questions/new")).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
            using var forgedTag = await PostAsync(client, "/admin/tags", new Dictionary<string, string> { ["Input.Name"] = "forged", ["__RequestVerificationToken"] = token });
            AssertForbidden(forgedTag, "POST /admin/tags");
            using var forgedGroup = await PostAsync(client, "/admin/tags/groups", new Dictionary<string, string> { ["Input.Name"] = "Forged", ["__RequestVerificationToken"] = token });
            AssertForbidden(forgedGroup, "POST /admin/tags/groups");
        }

        Assert.False(await DbAsync(db => db.Tags.AnyAsync(t => t.Name == "forged")));
        Assert.Equal(1, await DbAsync(db => db.TagGroups.CountAsync()));
    }

    [Fact]
    public async Task A_member_watches_a_tag_from_its_page_and_unread_needs_signing_in()
    {
        await CreateSpaceAsync();
        await DefineTagsAsync();
        var wanda = await NewMemberAsync("Wanda");

        using (var watched = await SubmitFormAsync(wanda, "/tags/ledger", new Dictionary<string, string>(), "main form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, watched.StatusCode);
        }

        Assert.Equal("Stop watching this tag", (await GetPageAsync(wanda, "/tags/ledger")).QuerySelector("main form button")!.TextContent);
        var alice = await NewMemberAsync("Alice");
        using (await StartTaggedAsync(alice, "Ledger totals are off", "ledger"))
        {
        }

        Assert.Contains("Ledger totals are off", (await GetPageAsync(wanda, "/notifications")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var unread = await NewVisitor().GetAsync("/unread");
        Assert.Equal(HttpStatusCode.Redirect, unread.StatusCode);
        Assert.Contains("/account/sign-in", unread.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

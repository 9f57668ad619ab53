using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>Groups and private spaces over HTTP: an admin sets them up through the pages; to anyone outside the group
/// the space, its threads, their feeds and their words do not exist (404, never 403, so nothing is revealed); only
/// admins manage groups.</summary>
public sealed class PrivateSpacePageTests(WebFixture fixture) : WebTest(fixture)
{
    private sealed record Setup(HttpClient Ada, HttpClient Bea, HttpClient Olly, string Thread, int SpaceId, int GroupId);

    /// <summary>Ada (admin) creates "Beta programme", adds Bea, restricts "beta" to it; Bea starts a thread there.</summary>
    private async Task<Setup> PrivateSpaceAsync()
    {
        await CreateSpaceAsync();
        var beta = await CreateSpaceAsync("beta", "Beta", 2);
        var bea = await NewMemberAsync("Bea");
        var olly = await NewMemberAsync("Olly");
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        var beasHandle = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Bea").Select(m => m.Handle).SingleAsync());

        using var created = await SubmitFormAsync(ada, "/admin/groups", new Dictionary<string, string> { ["Input.Name"] = "Beta programme", ["Input.Description"] = "Customers trying what is next." });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var groupUrl = created.Headers.Location!.OriginalString;
        using var added = await SubmitFormAsync(ada, groupUrl, new Dictionary<string, string> { ["Input.Handle"] = "@" + beasHandle }, "main form.form");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var groupId = int.Parse(groupUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        using var restricted = await SubmitFormAsync(ada, $"/admin/spaces/{beta.Id}/access", new Dictionary<string, string> { ["GroupIds"] = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);

        var thread = await StartThreadAsync(bea, "beta", "Quokka plans", "The quokka launch is secret.");
        return new Setup(ada, bea, olly, thread, beta.Id, groupId);
    }

    [Fact]
    public async Task An_admin_sets_up_a_private_space_that_its_group_sees_marked_private_and_others_do_not_see()
    {
        var setup = await PrivateSpaceAsync();

        var group = await GetPageAsync(setup.Ada, $"/admin/groups/{setup.GroupId}");
        Assert.Contains("Bea", group.QuerySelector("#members-heading + ul")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Private · Beta programme", (await GetPageAsync(setup.Ada, "/admin/spaces")).Body!.TextContent, StringComparison.Ordinal);
        var insidersHome = await GetPageAsync(setup.Bea, "/");
        Assert.Contains("Private · Beta programme", insidersHome.QuerySelector("a[href='/s/beta']")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Quokka plans", (await GetPageAsync(setup.Bea, setup.Thread)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("You are in Beta programme.", (await GetPageAsync(setup.Bea, "/account")).QuerySelector("#groups-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null((await GetPageAsync(setup.Olly, "/account")).QuerySelector("#groups-heading"));
        foreach (var outsider in new[] { setup.Olly, NewVisitor() })
        {
            var home = await GetPageAsync(outsider, "/");
            Assert.Null(home.QuerySelector("a[href='/s/beta']"));
            Assert.DoesNotContain("Beta", home.Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(1, await DbAsync(db => db.ModerationLog.CountAsync(e => e.Detail == "Beta is private to Beta programme")));
    }

    [Fact]
    public async Task An_outsider_finds_no_private_thread_space_feed_or_search_result()
    {
        var setup = await PrivateSpaceAsync();

        foreach (var outsider in new[] { setup.Olly, NewVisitor() })
        {
            foreach (var url in new[] { setup.Thread, "/s/beta", "/s/beta/new", "/s/beta/feed.atom", "/s/beta/feed.rss", $"{setup.Thread}/feed.atom" })
            {
                using var response = await outsider.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound || (outsider != setup.Olly && url.EndsWith("/new", StringComparison.Ordinal)),
                    $"{url} answered {response.StatusCode}");
            }

            var search = await GetPageAsync(outsider, "/search?q=quokka");
            Assert.DoesNotContain("Quokka", search.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            using var feed = await outsider.GetAsync("/feed.atom");
            Assert.DoesNotContain("quokka", await feed.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("Quokka", (await GetPageAsync(setup.Bea, "/search?q=quokka")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_in_a_private_space_is_not_found_by_an_outsider()
    {
        var setup = await PrivateSpaceAsync();
        using (var posted = await Attachments.AttachmentPageTests.PostWithFilesAsync(
                   setup.Bea, setup.Thread, new Dictionary<string, string> { ["Input.Body"] = "The quokka log." }, "#reply-form form",
                   ("quokka.log", System.Text.Encoding.UTF8.GetBytes("quokka launch plan\n"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        var file = (await GetPageAsync(setup.Bea, setup.Thread)).QuerySelector(".post__files a")!.GetAttribute("href")!;

        using (var insider = await setup.Bea.GetAsync(file))
        {
            Assert.Equal(HttpStatusCode.OK, insider.StatusCode);
        }

        foreach (var outsider in new[] { setup.Olly, NewVisitor() })
        {
            using var response = await outsider.GetAsync(file);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task An_outsiders_forged_reply_to_a_private_thread_is_not_found_and_nothing_is_posted()
    {
        var setup = await PrivateSpaceAsync();
        var token = FormValues((await GetPageAsync(setup.Olly, "/s/questions/new")).QuerySelector<IHtmlFormElement>("main form")!)["__RequestVerificationToken"];

        using var response = await PostAsync(setup.Olly, setup.Thread, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Body"] = "Let me in.",
            ["Input.SubmissionId"] = Guid.NewGuid().ToString(),
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await ReplyCountAsync());
    }

    [Fact]
    public async Task Only_an_admin_manages_groups_and_who_can_see_a_space()
    {
        var setup = await PrivateSpaceAsync();
        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);
        var ollysId = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Olly").Select(m => m.Id).SingleAsync());
        var entries = await DbAsync(db => db.ModerationLog.CountAsync());

        foreach (var person in new[] { setup.Bea, morgan })
        {
            var token = FormValues((await GetPageAsync(person, "/s/questions/new")).QuerySelector<IHtmlFormElement>("main form")!)["__RequestVerificationToken"];
            foreach (var url in new[] { "/admin/groups", $"/admin/groups/{setup.GroupId}", $"/admin/groups/{setup.GroupId}/joining", $"/admin/spaces/{setup.SpaceId}/access" })
            {
                using var page = await person.GetAsync(url);
                Assert.True(page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal),
                    $"GET {url} answered {page.StatusCode} {page.Headers.Location}");
            }

            foreach (var (url, fields) in new (string, Dictionary<string, string>)[]
            {
                ("/admin/groups", new() { ["Input.Name"] = "Forged" }),
                ($"/admin/groups/{setup.GroupId}", new() { ["Input.Handle"] = "olly" }),
                ($"/admin/groups/{setup.GroupId}", new() { ["Input.RemoveMemberId"] = ollysId.ToString() }),
                ($"/admin/spaces/{setup.SpaceId}/access", new()),
                ($"/admin/groups/{setup.GroupId}/joining", new() { ["Input.EmailDomains"] = "example.com" }),
            })
            {
                fields["__RequestVerificationToken"] = token;
                using var response = await PostAsync(person, url, fields);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal),
                    $"POST {url} answered {response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Equal(1, await DbAsync(db => db.Groups.CountAsync()));
        Assert.Equal(1, await DbAsync(db => db.Groups.SelectMany(g => g.Members).CountAsync()));
        Assert.Equal(1, await DbAsync(db => db.Spaces.Where(s => s.Id == setup.SpaceId).SelectMany(s => s.Access).CountAsync()));
        Assert.Equal(entries, await DbAsync(db => db.ModerationLog.CountAsync()));
        Assert.Equal(string.Empty, await DbAsync(db => db.Groups.Select(g => g.EmailDomainList).SingleAsync()));
    }

    [Fact]
    public async Task An_admin_is_told_on_the_form_when_a_handle_matches_nobody_or_a_group_name_is_taken()
    {
        var setup = await PrivateSpaceAsync();

        using var unknown = await SubmitFormAsync(setup.Ada, $"/admin/groups/{setup.GroupId}", new Dictionary<string, string> { ["Input.Handle"] = "@nobody-here" }, "main form.form");
        Assert.Contains("No member has the handle @nobody-here.", (await ParseAsync(unknown)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        using var taken = await SubmitFormAsync(setup.Ada, "/admin/groups", new Dictionary<string, string> { ["Input.Name"] = "Beta programme" });
        Assert.Contains("There is a group of that name already.", (await ParseAsync(taken)).QuerySelector("#Input_Name-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_group_and_private_space_pages_are_valid_html()
    {
        var setup = await PrivateSpaceAsync();
        async Task<string> HtmlAsync(HttpClient client, string url)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode}");
            return await response.Content.ReadAsStringAsync();
        }

        using var refused = await SubmitFormAsync(setup.Ada, "/admin/groups", new Dictionary<string, string> { ["Input.Name"] = "Beta programme" });
        using var badDomain = await SubmitFormAsync(setup.Ada, $"/admin/groups/{setup.GroupId}/joining", new Dictionary<string, string> { ["Input.EmailDomains"] = "partner.test\nnot_a_domain" });
        Assert.Contains("\u201cnot_a_domain\u201d is not an e-mail domain", (await ParseAsync(badDomain)).QuerySelector("#Input_EmailDomains-error")!.TextContent, StringComparison.Ordinal);
        using var saved = await SubmitFormAsync(setup.Ada, $"/admin/groups/{setup.GroupId}/joining", new Dictionary<string, string> { ["Input.EmailDomains"] = "partner.test", ["Input.SignInGroup"] = "partners" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var pages = new Dictionary<string, string>
        {
            ["admin-groups"] = await HtmlAsync(setup.Ada, "/admin/groups"),
            ["admin-groups-refused"] = await refused.Content.ReadAsStringAsync(),
            ["admin-group"] = await HtmlAsync(setup.Ada, $"/admin/groups/{setup.GroupId}"),
            ["admin-group-joining"] = await HtmlAsync(setup.Ada, $"/admin/groups/{setup.GroupId}/joining"),
            ["admin-group-joining-refused"] = await badDomain.Content.ReadAsStringAsync(),
            ["admin-space-access"] = await HtmlAsync(setup.Ada, $"/admin/spaces/{setup.SpaceId}/access"),
            ["admin-spaces-with-private"] = await HtmlAsync(setup.Ada, "/admin/spaces"),
            ["home-with-private"] = await HtmlAsync(setup.Bea, "/"),
            ["private-space"] = await HtmlAsync(setup.Bea, "/s/beta"),
            ["private-thread"] = await HtmlAsync(setup.Bea, setup.Thread),
            ["account-with-groups"] = await HtmlAsync(setup.Bea, "/account"),
        };
        Assert.Contains("Private · Beta programme", pages["private-space"], StringComparison.Ordinal);
        Assert.Contains("Members with a confirmed address at partner.test", pages["admin-group"], StringComparison.Ordinal);

        var findings = await HtmlConformanceTests.CheckAsync(pages);

        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));
    }
}

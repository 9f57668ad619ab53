using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using CommunityHub.Domain.Members;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>Every page, in every state a person meets (signed out and in, forms with errors, error
/// pages), is valid HTML by the Nu HTML checker: no errors and no warnings.</summary>
public sealed class HtmlConformanceTests(WebFixture fixture) : WebTest(fixture)
{
    /// <summary>vnu.jar from the npm package vnu-jar, which ./test.sh installs into .tools/.</summary>
    private static string VnuJar =>
        Environment.GetEnvironmentVariable("COMMUNITYHUB_VNU_JAR")
        ?? Path.Combine(RepositoryRoot(), ".tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    [Fact]
    public async Task Every_page_is_valid_html()
    {
        await CreateSpaceAsync();
        var visitor = NewVisitor();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice, body: "Some **Markdown**, a [link](https://example.com), `code`.\n\n# A heading\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        var bruno = await NewMemberAsync("Bruno");
        // With an emoji shortcode and a thread card (a link to a thread of ours on its own line).
        using var reply = await ReplyAsync(bruno, thread, $"> quoted\n\nA reply, @alice. :tada:\n\n[{thread}]({thread})");
        var replyId = reply.Headers.Location!.OriginalString.Split("#post-")[1];
        var threadBeforeAnswer = await HtmlAsync(alice, thread);
        foreach (var act in new[] { "helped", "thank", "react:heart", "accept" })
        {
            using var acknowledged = await AcknowledgeAsync(alice, thread, long.Parse(replyId, CultureInfo.InvariantCulture), act);
        }

        var sam = await NewMemberAsync("Sam", Roles.Staff);

        var pages = new Dictionary<string, string>
        {
            ["home"] = await HtmlAsync(visitor, "/"),
            ["home-signed-in"] = await HtmlAsync(alice, "/"),
            ["space"] = await HtmlAsync(visitor, "/s/questions"),
            ["thread"] = await HtmlAsync(visitor, thread),
            ["thread-signed-in"] = await HtmlAsync(alice, thread),
            ["thread-replying-to"] = await HtmlAsync(alice, $"{thread}?replyTo={replyId}"),
            ["thread-reply-refused"] = await FormHtmlAsync(ReplyAsync(alice, thread, " ")),
            ["thread-before-answer"] = threadBeforeAnswer,
            ["thread-answered-starter"] = await HtmlAsync(alice, thread),
            ["thread-answered-author"] = await HtmlAsync(bruno, thread),
            ["thread-acknowledge-refused"] = await FormHtmlAsync(SubmitFormAsync(bruno, thread, new Dictionary<string, string> { ["act"] = "helped" }, "#reply-form form", formAction: $"{thread}?handler=acknowledge", extra: new Dictionary<string, string> { ["postId"] = replyId })),
            ["profile"] = await HtmlAsync(visitor, "/members/bruno"),
            ["profile-own"] = await HtmlAsync(alice, "/members/alice"),
            ["profile-empty"] = await HtmlAsync(visitor, "/members/sam"),
            ["tie-card"] = await HtmlAsync(sam, "/members/alice/ties/bruno"),
            ["tie-card-empty"] = await HtmlAsync(sam, "/members/alice/ties/sam"),
            ["dashboard"] = await HtmlAsync(sam, "/staff/dashboard"),
            ["new-thread"] = await HtmlAsync(alice, "/s/questions/new"),
            ["new-thread-refused"] = await FormHtmlAsync(SubmitFormAsync(alice, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Body"] = "" })),
            ["register"] = await HtmlAsync(visitor, "/account/register"),
            ["register-refused"] = await FormHtmlAsync(SubmitFormAsync(visitor, "/account/register", new Dictionary<string, string> { ["Input.Email"] = "nope" })),
            ["register-through-an-unknown-invite"] = await HtmlAsync(visitor, "/account/register?invite=no-such-invite"),
            ["register-bot-refused"] = await FormHtmlAsync(SubmitFormAsync(NewVisitor(), "/account/register", new Dictionary<string, string> { ["Input.DisplayName"] = "Bot", ["Input.Email"] = "bot@example.com", ["Input.Password"] = Password, ["Website"] = "http://spam.example" })),
            ["private-feed-none"] = await HtmlAsync(bruno, "/account/feeds"),
            ["private-feed"] = await PrivateFeedAsync(alice),
            ["sign-in"] = await HtmlAsync(visitor, "/account/sign-in"),
            ["sign-in-refused"] = await FormHtmlAsync(SubmitFormAsync(visitor, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = "x@example.com", ["Input.Password"] = "wrong" })),
            ["sign-out"] = await HtmlAsync(alice, "/account/sign-out"),
            ["not-found"] = await HtmlAsync(visitor, "/no/such/page", HttpStatusCode.NotFound),
            ["bad-request"] = await HtmlAsync(visitor, "/s/questions?after=garbage", HttpStatusCode.BadRequest),
            ["account-avatar-none"] = await HtmlAsync(bruno, "/account/avatar"),
            ["account-avatar-refused"] = await FormHtmlAsync(Avatars.AvatarPageTests.UploadAsync(bruno, "me.png", "not a picture"u8.ToArray())),
            ["account-avatar"] = await AvatarAsync(alice),
            ["thread-with-avatars"] = await HtmlAsync(visitor, thread),
            ["profile-with-avatar"] = await HtmlAsync(visitor, "/members/alice"),
            ["moderation-member-with-picture"] = await HtmlAsync(await NewMemberAsync("Morgan", Roles.Moderator), $"/moderation/members/{await DbAsync(db => db.Members.Where(m => m.DisplayName == "Alice").Select(m => m.Id).SingleAsync())}"),
        };

        var findings = await CheckAsync(pages);

        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));
    }

    private static async Task<string> AvatarAsync(HttpClient member)
    {
        using var uploaded = await Avatars.AvatarPageTests.UploadAsync(member, "me.png", TestImages.Png(120, 90));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        return await HtmlAsync(member, "/account/avatar");
    }

    private static async Task<string> PrivateFeedAsync(HttpClient member)
    {
        using var made = await SubmitFormAsync(member, "/account/feeds", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        return await HtmlAsync(member, "/account/feeds");
    }

    [Fact]
    public async Task Tag_and_list_pages_are_valid_html()
    {
        await CreateSpaceAsync();
        var visitor = NewVisitor();
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        using (await SubmitFormAsync(ada, "/admin/tags/groups", new Dictionary<string, string> { ["Input.Name"] = "Product", ["Input.Description"] = "Which product" }))
        {
        }

        var group = await DbAsync(db => db.TagGroups.Select(g => g.Id).SingleAsync());
        using (await SubmitFormAsync(ada, "/admin/tags", new Dictionary<string, string> { ["Input.Name"] = "ledger", ["Input.Description"] = "The ledger app", ["Input.GroupId"] = group.ToString(CultureInfo.InvariantCulture) }))
        {
        }

        using (await SubmitFormAsync(ada, "/admin/tags", new Dictionary<string, string> { ["Input.Name"] = "exports" }))
        {
        }

        var alice = await NewMemberAsync("Alice");
        using var started = await SubmitFormAsync(alice, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "Tagged", ["Input.Body"] = "Body", ["Input.Tags"] = "ledger,exports" });
        var thread = started.Headers.Location!.OriginalString;
        using (await ReplyAsync(ada, thread, "A reply"))
        {
        }

        var pages = new Dictionary<string, string>
        {
            ["admin-tags"] = await HtmlAsync(ada, "/admin/tags"),
            ["admin-tags-refused"] = await FormHtmlAsync(SubmitFormAsync(ada, "/admin/tags", new Dictionary<string, string> { ["Input.Name"] = "Not a name" })),
            ["admin-tag-group-new"] = await HtmlAsync(ada, "/admin/tags/groups"),
            ["admin-tag-group"] = await HtmlAsync(ada, $"/admin/tags/groups/{group}"),
            ["tag"] = await HtmlAsync(visitor, "/tags/ledger"),
            ["tag-signed-in"] = await HtmlAsync(alice, "/tags/ledger?show=unanswered&sort=top&period=week"),
            ["tag-empty"] = await HtmlAsync(alice, "/tags/ledger?show=solved"),
            ["latest"] = await HtmlAsync(visitor, "/latest"),
            ["latest-signed-in"] = await HtmlAsync(alice, "/latest?sort=newest"),
            ["unread"] = await HtmlAsync(alice, "/unread"),
            ["thread-tagged"] = await HtmlAsync(alice, thread),
            ["thread-tags-form"] = await HtmlAsync(alice, $"{thread}/tags"),
            ["thread-title-form"] = await HtmlAsync(alice, $"{thread}/title"),
            ["account-ignored-empty"] = await HtmlAsync(alice, "/account/ignored"),
            ["thread-title-refused"] = await FormHtmlAsync(SubmitFormAsync(alice, $"{thread}/title", new Dictionary<string, string> { ["Input.Title"] = " " })),
            ["new-thread-with-tags"] = await HtmlAsync(alice, "/s/questions/new"),
            ["new-thread-unknown-tag"] = await FormHtmlAsync(SubmitFormAsync(alice, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "T", ["Input.Body"] = "B", ["Input.Tags"] = "nonsense" })),
            ["space-filtered"] = await HtmlAsync(alice, "/s/questions?show=mine&sort=top"),
            ["search-in-tag"] = await HtmlAsync(visitor, "/search?q=tagged&tag=ledger"),
            ["search-unknown-tag"] = await HtmlAsync(alice, "/search?q=tagged&tag=no-such-tag"),
        };

        var findings = await CheckAsync(pages);

        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));
    }

    internal static async Task<string> HtmlAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    internal static async Task<string> FormHtmlAsync(Task<HttpResponseMessage> submitting)
    {
        using var response = await submitting;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>One JVM for all pages: vnu checks every .html file in a folder.</summary>
    internal static async Task<List<string>> CheckAsync(Dictionary<string, string> pages)
    {
        if (!File.Exists(VnuJar))
        {
            throw new InvalidOperationException($"The Nu HTML checker is not at {VnuJar}: run ./test.sh (it installs it), or set COMMUNITYHUB_VNU_JAR.");
        }

        var folder = Directory.CreateTempSubdirectory("communityhub-vnu-");
        try
        {
            foreach (var (name, html) in pages)
            {
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, name + ".html"), html);
            }

            var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
            // A JVM that lives a second or two: the quick compiler only and the simplest collector halve its CPU time
            // (quick-compiled frames are larger, so the checker's recursion gets a bigger stack).
            foreach (var argument in new[] { "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m", "-jar", VnuJar, "--format", "json", "--stdout", folder.FullName })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var json = await output;
            Assert.True(json.TrimStart().StartsWith('{'), $"vnu did not answer in JSON: {json}{await error}");

            using var report = JsonDocument.Parse(json);
            return report.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error"
                    || (m.TryGetProperty("subType", out var subType) && subType.GetString() == "warning"))
                .Select(m => $"{Path.GetFileName(m.GetProperty("url").GetString())}:{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: "
                    + $"{m.GetProperty("message").GetString()} [{(m.TryGetProperty("extract", out var extract) ? extract.GetString() : string.Empty)}]")
                .ToList();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CommunityHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (CommunityHub.sln) above " + AppContext.BaseDirectory);
    }
}

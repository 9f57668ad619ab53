using System.Net;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Attachments;

/// <summary>"Quote" on a post without script (the reply form starts with the quote), what a quote renders as, and the
/// Preview tab's endpoint: the same pipeline as posting, for members only, with a form token.</summary>
public sealed class QuoteAndPreviewTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Quote_starts_the_reply_with_the_post_naming_its_author_and_the_posted_quote_links_back_to_it()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice Chen");
        var thread = await StartThreadAsync(alice, body: "Export is under **File**.\n\nThen pick CSV.");
        var bruno = await NewMemberAsync("Bruno");
        var opening = await DbAsync(db => db.Posts.Where(p => p.IsOpeningPost).Select(p => p.Id).SingleAsync());

        var page = await GetPageAsync(bruno, thread);
        var link = page.QuerySelector($"#post-{opening} a.post__quote")!;
        Assert.Equal("Alice Chen", link.GetAttribute("data-quote-author"));
        var form = await GetPageAsync(bruno, link.GetAttribute("href")!);
        var text = form.QuerySelector("#reply-form textarea")!.TextContent;
        Assert.StartsWith($"> [Alice Chen wrote:]({thread}?before={opening + 1}#post-{opening})\n>\n> Export is under **File**.\n>\n> Then pick CSV.", text.TrimStart('\n'), StringComparison.Ordinal);

        using var posted = await ReplyAsync(bruno, thread, text + "Thanks, that worked.");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await GetPageAsync(NewVisitor(), thread);
        var quote = after.QuerySelector(".post:not(.post--opening) .prose blockquote")!;
        var wrote = quote.QuerySelector("a")!;
        Assert.Equal("Alice Chen wrote:", wrote.TextContent);
        Assert.Equal($"{thread}?before={opening + 1}#post-{opening}", wrote.GetAttribute("href"));
        Assert.Equal("File", quote.QuerySelector("strong")!.TextContent);
    }

    [Fact]
    public async Task Quoting_a_staff_note_as_a_member_starts_an_empty_reply_and_shows_no_quote_link_for_it()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var sam = await NewMemberAsync("Sam", Roles.Staff);
        using (var note = await SubmitFormAsync(sam, thread, new Dictionary<string, string> { ["Input.Body"] = "Internal: ticket 4711", ["Input.IsStaffNote"] = "true" }, "#reply-form form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        }

        var noteId = await DbAsync(db => db.Posts.Where(p => p.IsStaffNote).Select(p => p.Id).SingleAsync());

        var page = await GetPageAsync(alice, $"{thread}?quote={noteId}");

        Assert.DoesNotContain("4711", page.QuerySelector("#reply-form textarea")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("4711", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.NotNull((await GetPageAsync(sam, thread)).QuerySelector($"#post-{noteId} a.post__quote"));
        Assert.Contains("4711", (await GetPageAsync(sam, $"{thread}?quote={noteId}")).QuerySelector("#reply-form textarea")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_tab_renders_through_the_posting_pipeline_for_a_member_with_a_form_token_only()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var form = (await GetPageAsync(alice, thread)).QuerySelector("#reply-form form")!;
        Assert.Equal("/composer/preview", form.GetAttribute("data-preview"));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var rendered = await PostAsync(alice, "/composer/preview", new Dictionary<string, string> { ["body"] = "Use **Export**, @alice.\n\n<script>alert(1)</script>", ["__RequestVerificationToken"] = token });
        var html = await rendered.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
        Assert.Contains("<strong>Export</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/members/alice\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        using var forged = await PostAsync(alice, "/composer/preview", new Dictionary<string, string> { ["body"] = "No token" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var anonymous = await PostAsync(NewVisitor(), "/composer/preview", new Dictionary<string, string> { ["body"] = "Who am I?", ["__RequestVerificationToken"] = token });
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.DoesNotContain("Who am I?", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ReplyCountAsync());
    }
}

using System.Net;
using AngleSharp.Dom;
using CommunityHub.Testing;

namespace CommunityHub.Web.Tests.Attachments;

/// <summary>"Preview" on the new-thread and reply forms, without script: the text rendered as it will be posted, the
/// form kept, nothing posted, and a file chosen before previewing kept as a pending upload.</summary>
public sealed class ComposerPreviewTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Previewing_a_reply_renders_its_markdown_and_mentions_keeps_the_text_and_posts_nothing()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var bruno = await NewMemberAsync("Bruno");

        using var previewed = await SubmitFormAsync(bruno, thread, new Dictionary<string, string> { ["Input.Body"] = "Use **Export view**, @alice.\n\n<script>alert(1)</script>" },
            "#reply-form form", formAction: $"{thread}?handler=preview");

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var page = await ParseAsync(previewed);
        var preview = page.QuerySelector("#preview .prose")!;
        Assert.Equal("Export view", preview.QuerySelector("strong")!.TextContent);
        Assert.NotNull(preview.QuerySelector("a[href='/members/alice']"));
        Assert.Null(preview.QuerySelector("script"));
        Assert.Contains("Use **Export view**", page.QuerySelector("#reply-form textarea")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await ReplyCountAsync());
    }

    [Fact]
    public async Task Previewing_a_new_thread_keeps_a_chosen_file_as_a_pending_upload_that_is_posted_with_it()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var form = (await GetPageAsync(alice, "/s/questions/new")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in FormValues(form, new Dictionary<string, string> { ["Input.Title"] = "Preview me", ["Input.Body"] = "A *first* look." }).Where(v => v.Key != "Files"))
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(TestImages.Png()), "Files", "shot.png");
        using var previewed = await alice.PostAsync("/s/questions/new?handler=preview", content);

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var page = await ParseAsync(previewed);
        Assert.Equal("first", page.QuerySelector("#preview em")!.TextContent);
        Assert.Single(page.QuerySelectorAll("input[name='Input.AttachmentIds']"));
        Assert.Equal(0, await DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Threads)));

        // The form as the preview left it (a textarea is not among FormValues' inputs: its text is sent as typed).
        var values = FormValues(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!, new Dictionary<string, string> { ["Input.Body"] = page.QuerySelector("main form textarea")!.TextContent });
        Assert.Equal("Preview me", values["Input.Title"]);
        using var posted = await PostAsync(alice, "/s/questions/new", values);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var thread = await GetPageAsync(NewVisitor(), posted.Headers.Location!.OriginalString);
        Assert.NotNull(thread.QuerySelector(".post--opening .post__images img"));
    }

    [Fact]
    public async Task Preview_pages_are_valid_html()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var pages = new Dictionary<string, string>
        {
            ["reply-preview"] = await Pages.HtmlConformanceTests.FormHtmlAsync(SubmitFormAsync(alice, thread, new Dictionary<string, string> { ["Input.Body"] = "# Big\n\n- a\n- b" }, "#reply-form form", formAction: $"{thread}?handler=preview")),
            ["new-thread-preview-empty"] = await Pages.HtmlConformanceTests.FormHtmlAsync(SubmitFormAsync(alice, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "T", ["Input.Body"] = "" }, formAction: "/s/questions/new?handler=preview")),
        };

        var findings = await Pages.HtmlConformanceTests.CheckAsync(pages);

        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityHub.Domain.Members;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Attachments;

/// <summary>Attachments over HTTP: posted with the plain form, served with the right headers, refused with a sentence,
/// and opened only by those who may read their post.</summary>
public sealed class AttachmentPageTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly byte[] Log = Encoding.UTF8.GetBytes("2026-11-30 10:00:01 ERROR Export failed: timeout after 30 s\n");

    /// <summary>Sends the form on <paramref name="pageUrl"/> as multipart, with <paramref name="files"/> in its file input.</summary>
    internal static async Task<HttpResponseMessage> PostWithFilesAsync(HttpClient client, string pageUrl, IDictionary<string, string> fields, string formSelector, params (string Name, byte[] Content)[] files)
    {
        var page = await GetPageAsync(client, pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in FormValues(form, fields).Where(v => v.Key != "Files"))
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "Files", name);
        }

        return await client.PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : pageUrl, content);
    }

    internal static Task<HttpResponseMessage> ReplyWithFilesAsync(HttpClient client, string thread, string body, params (string Name, byte[] Content)[] files) =>
        PostWithFilesAsync(client, thread, new Dictionary<string, string> { ["Input.Body"] = body }, "#reply-form form", files);

    private static async Task<JsonElement> UploadAsync(HttpClient client, string thread, string name, byte[] bytes, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var page = await GetPageAsync(client, thread);
        var token = page.QuerySelector<IHtmlInputElement>("#reply-form input[name=__RequestVerificationToken]")!.Value;
        var upload = page.QuerySelector("#reply-form [data-upload]")!.GetAttribute("data-upload")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", name },
        };
        using var response = await client.PostAsync(upload, content);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private Task<List<(Guid Id, long? PostId, string Name)>> AttachmentsAsync() =>
        DbAsync(async db => (await db.Attachments.OrderBy(a => a.UploadedAt).Select(a => new { a.Id, a.PostId, a.FileName }).ToListAsync())
            .ConvertAll(a => (a.Id, a.PostId, a.FileName)));

    [Fact]
    public async Task A_reply_with_a_screenshot_and_a_log_shows_the_image_inline_and_offers_the_log_as_a_download()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var bruno = await NewMemberAsync("Bruno");

        using var posted = await ReplyWithFilesAsync(bruno, thread, "Here is what I see.", ("error dialog.png", TestImages.Png(1600, 900)), ("export.log", Log));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var reader = NewVisitor();
        var page = await GetPageAsync(reader, thread);
        var image = page.QuerySelector(".post-list .post .post__images img")!;
        Assert.Equal("1200", image.GetAttribute("width"));
        Assert.Equal("675", image.GetAttribute("height"));
        var original = image.ParentElement!.GetAttribute("href")!;
        var download = page.QuerySelector(".post__files a")!;
        Assert.Equal("export.log", download.TextContent);
        Assert.Contains("text/plain", download.ParentElement!.TextContent, StringComparison.Ordinal);

        using var shown = await reader.GetAsync(image.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("image/png", shown.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", shown.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("inline", shown.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        using var full = await reader.GetAsync(original);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        using var opened = SkiaSharp.SKCodec.Create(new MemoryStream(await full.Content.ReadAsByteArrayAsync()));
        Assert.Equal(1600, opened.Info.Width);

        using var log = await reader.GetAsync(download.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        Assert.Equal("text/plain", log.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", log.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("export.log", log.Content.Headers.ContentDisposition.FileNameStar ?? log.Content.Headers.ContentDisposition.FileName);
        Assert.StartsWith("sandbox", log.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(Log, await log.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Attachments_of_a_staff_note_a_hidden_and_a_deleted_reply_open_only_for_those_who_may_read_the_post()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var bruno = await NewMemberAsync("Bruno");
        var sam = await NewMemberAsync("Sam Staff", Roles.Staff);
        var morgan = await NewMemberAsync("Morgan Moderator", Roles.Moderator);
        var member = await NewMemberAsync("Chloe");
        var visitor = NewVisitor();

        using (var note = await PostWithFilesAsync(sam, thread, new Dictionary<string, string> { ["Input.Body"] = "Internal: known bug", ["Input.IsStaffNote"] = "true" }, "#reply-form form", ("note.log", Log)))
        {
            Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        }

        using (await ReplyWithFilesAsync(bruno, thread, "Hidden later", ("hidden.log", Log)))
        {
        }

        using (await ReplyWithFilesAsync(bruno, thread, "Deleted later", ("deleted.log", Log)))
        {
        }

        var files = await AttachmentsAsync();
        var now = DateTimeOffset.UtcNow;
        await DbAsync(db => db.Posts.Where(p => p.Id == files[1].PostId).ExecuteUpdateAsync(s => s.SetProperty(p => p.HiddenAt, now).SetProperty(p => p.HiddenReason, "Off topic")));
        await DbAsync(db => db.Posts.Where(p => p.Id == files[2].PostId).ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletedAt, now)));
        string Url(int i) => $"/attachments/{files[i].Id}/original/{files[i].Name}";

        async Task<HttpStatusCode> FetchAsync(HttpClient who, int i)
        {
            using var response = await who.GetAsync(Url(i));
            return response.StatusCode;
        }

        // The staff note: the staff side only.
        Assert.Equal(HttpStatusCode.NotFound, await FetchAsync(visitor, 0));
        Assert.Equal(HttpStatusCode.NotFound, await FetchAsync(member, 0));
        Assert.Equal(HttpStatusCode.NotFound, await FetchAsync(bruno, 0));
        Assert.Equal(HttpStatusCode.OK, await FetchAsync(sam, 0));
        Assert.Equal(HttpStatusCode.OK, await FetchAsync(morgan, 0));

        // The hidden reply: its author and the moderators.
        Assert.Equal(HttpStatusCode.NotFound, await FetchAsync(visitor, 1));
        Assert.Equal(HttpStatusCode.NotFound, await FetchAsync(member, 1));
        Assert.Equal(HttpStatusCode.NotFound, await FetchAsync(sam, 1));
        Assert.Equal(HttpStatusCode.OK, await FetchAsync(bruno, 1));
        Assert.Equal(HttpStatusCode.OK, await FetchAsync(morgan, 1));

        // The deleted reply: moderators only, reviewing what was removed.
        Assert.Equal(HttpStatusCode.NotFound, await FetchAsync(visitor, 2));
        Assert.Equal(HttpStatusCode.NotFound, await FetchAsync(member, 2));
        Assert.Equal(HttpStatusCode.NotFound, await FetchAsync(sam, 2));
        Assert.Equal(HttpStatusCode.NotFound, await FetchAsync(bruno, 2));
        Assert.Equal(HttpStatusCode.OK, await FetchAsync(morgan, 2));

        // And the thread page links none of them for those who may not open them.
        var page = await GetPageAsync(member, thread);
        Assert.Empty(page.QuerySelectorAll(".post__files a"));
    }

    [Fact]
    public async Task A_pending_upload_is_its_uploaders_alone_and_a_forged_reply_cannot_post_someone_elses()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var bruno = await NewMemberAsync("Bruno");
        var chloe = await NewMemberAsync("Chloe");

        var uploaded = await UploadAsync(bruno, thread, "screenshot.png", TestImages.Png());
        var id = uploaded.GetProperty("id").GetGuid();
        Assert.Equal("screenshot.png", uploaded.GetProperty("name").GetString());
        using (var own = await bruno.GetAsync(uploaded.GetProperty("thumbnail").GetString()))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        using (var others = await chloe.GetAsync(uploaded.GetProperty("thumbnail").GetString()))
        {
            Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        }

        using var forged = await SubmitFormAsync(chloe, thread, new Dictionary<string, string> { ["Input.Body"] = "Look at this", ["Input.AttachmentIds"] = id.ToString() }, "#reply-form form");

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        var page = await ParseAsync(forged);
        Assert.Contains("no longer available", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await ReplyCountAsync());
        Assert.Null((await AttachmentsAsync()).Single().PostId);

        // Bruno posts it himself: the reply carries it.
        using var posted = await SubmitFormAsync(bruno, thread, new Dictionary<string, string> { ["Input.Body"] = "Here", ["Input.AttachmentIds"] = id.ToString() }, "#reply-form form");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.NotNull((await AttachmentsAsync()).Single().PostId);
    }

    [Fact]
    public async Task Uploading_ahead_needs_a_signed_in_member_and_the_forms_token()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        using var content = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png()), "file", "a.png" } };

        using var anonymous = await NewVisitor().PostAsync("/attachments/upload", content);
        using var withoutToken = await (await NewMemberAsync("Bruno")).PostAsync("/attachments/upload", content);

        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Empty(await AttachmentsAsync());
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "manual.pdf", Encoding.UTF8.GetBytes("not really a pdf"), "is called a .pdf file, but its contents are not one" },
        { "setup.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03], ".exe files are not accepted here" },
        { "logo.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "is SVG or HTML" },
        { "notes.txt", Encoding.UTF8.GetBytes("<!DOCTYPE html><script>alert(1)</script>"), "is SVG or HTML" },
        { "empty.log", [], "is empty" },
        { "bomb.png", TestImages.PngHeader(20_000, 20_000), "is 20,000 × 20,000 pixels" },
        { "cut.png", TestImages.Png()[..60], "is not a readable image" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_of_the_wrong_type_or_a_damaged_or_huge_image_is_refused_with_a_sentence_and_nothing_is_posted(string name, byte[] content, string message)
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));

        using var response = await ReplyWithFilesAsync(await NewMemberAsync("Bruno"), thread, "See attached", (name, content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains(message, page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("See attached", page.QuerySelector("#reply-form textarea")!.TextContent.Trim());
        Assert.Equal(0, await ReplyCountAsync());
        Assert.Empty(await AttachmentsAsync());
        Assert.Equal(0, await DbAsync(db => db.AttachmentBlobs.CountAsync()));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_or_the_members_quota_is_refused()
    {
        var small = Fixture.AppWith("small-attachments", new Dictionary<string, string?>
        {
            ["Attachments:MaxFileBytes"] = "100",
            ["Attachments:QuotaBytesPerMember"] = "150",
        });
        var alice = await NewMemberAsync(NewVisitor(small), "Alice");
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(alice);

        using var tooLarge = await ReplyWithFilesAsync(alice, thread, "Big", ("big.log", Encoding.UTF8.GetBytes(new string('x', 101))));
        Assert.Contains("files can be at most 100 bytes", (await ParseAsync(tooLarge)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);

        using var fits = await ReplyWithFilesAsync(alice, thread, "First", ("first.log", Encoding.UTF8.GetBytes(new string('x', 90))));
        Assert.Equal(HttpStatusCode.Redirect, fits.StatusCode);
        using var overQuota = await ReplyWithFilesAsync(alice, thread, "Second", ("second.log", Encoding.UTF8.GetBytes(new string('y', 90))));
        Assert.Contains("does not fit: your files take 90 bytes of your 150 bytes", (await ParseAsync(overQuota)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await ReplyCountAsync());
    }

    [Fact]
    public async Task A_new_thread_takes_files_from_the_plain_form_too()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");

        using var started = await PostWithFilesAsync(alice, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "Export breaks", ["Input.Body"] = "Screenshot attached." }, "main form", ("shot.jpg", TestImages.JpegWithGps()));

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var page = await GetPageAsync(NewVisitor(), started.Headers.Location!.OriginalString);
        var image = page.QuerySelector(".post--opening .post__images img")!;
        Assert.Equal("64", image.GetAttribute("width"));
        using var original = await NewVisitor().GetAsync(image.ParentElement!.GetAttribute("href"));
        var bytes = await original.Content.ReadAsByteArrayAsync();
        Assert.Equal("image/jpeg", original.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain(TestImages.CameraMake, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thread_page_with_attachments_takes_the_same_four_statements()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        using var started = await PostWithFilesAsync(alice, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "With files", ["Input.Body"] = "See." }, "main form", ("a.png", TestImages.Png()), ("b.log", Log));
        var thread = started.Headers.Location!.OriginalString;
        for (var i = 0; i < 4; i++)
        {
            using var _ = await ReplyWithFilesAsync(alice, thread, $"Reply {i}", ($"shot{i}.png", TestImages.Png()), ($"run{i}.log", Log));
        }

        var visitor = NewVisitor();
        Fixture.App.Statements.Reset();
        var page = await GetPageAsync(visitor, thread);

        // The thread with its opening post and its files; one page of replies with theirs; what members said; related threads.
        Assert.Equal(4, Fixture.App.Statements.Count);
        Assert.Equal(5, page.QuerySelectorAll(".post__images img").Length);
        Assert.Equal(5, page.QuerySelectorAll(".post__files a").Length);
    }

    [Fact]
    public async Task Pages_with_attachments_and_the_forms_that_take_them_are_valid_html()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        using var started = await PostWithFilesAsync(alice, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "With files", ["Input.Body"] = "See." }, "main form", ("a.png", TestImages.Png()), ("b.log", Log));
        var thread = started.Headers.Location!.OriginalString;
        var pending = (await UploadAsync(alice, thread, "pending.png", TestImages.Png())).GetProperty("id").GetGuid();

        var pages = new Dictionary<string, string>
        {
            ["thread-with-files"] = await Pages.HtmlConformanceTests.HtmlAsync(NewVisitor(), thread),
            ["reply-file-refused"] = await Pages.HtmlConformanceTests.FormHtmlAsync(ReplyWithFilesAsync(alice, thread, "Bad", ("x.exe", [0x4D, 0x5A, 0]))),
            ["reply-with-pending-upload-refused"] = await Pages.HtmlConformanceTests.FormHtmlAsync(SubmitFormAsync(alice, thread, new Dictionary<string, string> { ["Input.Body"] = " ", ["Input.AttachmentIds"] = pending.ToString() }, "#reply-form form")),
        };

        var findings = await Pages.HtmlConformanceTests.CheckAsync(pages);

        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));
        Assert.Contains(pending.ToString(), pages["reply-with-pending-upload-refused"], StringComparison.Ordinal);
    }
}

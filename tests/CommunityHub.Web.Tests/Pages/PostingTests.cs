using System.Net;
using AngleSharp.Dom;
using CommunityHub.Domain.Threads;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

public sealed class PostingTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task A_member_starts_a_thread_and_lands_on_it()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");

        var thread = await StartThreadAsync(alice, title: "Dark mode?", body: "Please.");

        Assert.Matches(@"^/s/questions/t/\d+$", thread);
        var page = await GetPageAsync(alice, thread);
        Assert.Equal("Dark mode?", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#reply-form form"));
    }

    [Fact]
    public async Task A_reply_lands_on_the_page_that_shows_it()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var bruno = await NewMemberAsync("Bruno");

        using var response = await ReplyAsync(bruno, thread, "Try the *Export view* entry.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var postId = location[(location.IndexOf("#post-", StringComparison.Ordinal) + 6)..];
        var page = await GetPageAsync(bruno, location.Split('#')[0]);
        Assert.Contains("Export view", page.GetElementById($"post-{postId}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replying_to_a_reply_says_whom_it_answers()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        using var first = await ReplyAsync(await NewMemberAsync("Bruno"), thread, "First");
        var brunoPost = first.Headers.Location!.OriginalString.Split("#post-")[1];
        var chloe = await NewMemberAsync("Chloe");

        var form = await GetPageAsync(chloe, $"{thread}?replyTo={brunoPost}");
        Assert.Contains("Replying to Bruno", form.QuerySelector(".replying-to")!.TextContent, StringComparison.Ordinal);
        using var answer = await SubmitFormAsync(chloe, $"{thread}?replyTo={brunoPost}", new Dictionary<string, string> { ["Input.Body"] = "Agreed" }, "#reply-form form");

        var page = await GetPageAsync(chloe, thread);
        Assert.Contains("In reply to Bruno", page.QuerySelectorAll(".post-list .post")[1].TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Write something before posting.")]
    [InlineData("   \n\t  ", "Write something before posting.")]
    public async Task A_blank_reply_is_shown_back_with_a_message_and_nothing_is_saved(string body, string message)
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));

        using var response = await ReplyAsync(await NewMemberAsync("Bruno"), thread, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal(message, page.QuerySelector("#Input_Body-error")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#reply-form textarea")!.GetAttribute("aria-invalid"));
        Assert.Equal("How do I export?", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(0, await ReplyCountAsync());
    }

    [Fact]
    public async Task An_overlong_title_and_body_are_shown_back_with_messages_and_what_was_typed()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var title = new string('t', PostLimits.TitleMaxLength + 1);

        using var response = await SubmitFormAsync(alice, "/s/questions/new", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Body"] = new string('b', PostLimits.BodyMaxLength + 1),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("A title can be at most 200 characters.", page.QuerySelector("#Input_Title-error")!.TextContent);
        Assert.Equal("A post can be at most 50,000 characters.", page.QuerySelector("#Input_Body-error")!.TextContent);
        Assert.Equal(title, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal("true", page.QuerySelector("#Input_Title")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await DbAsync(db => db.Threads.CountAsync()));
    }

    [Fact]
    public async Task The_same_reply_form_sent_twice_posts_once()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var bruno = await NewMemberAsync("Bruno");
        var form = (await GetPageAsync(bruno, thread)).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("#reply-form form")!;
        var values = FormValues(form, new Dictionary<string, string> { ["Input.Body"] = "Only once, please" });

        using var first = await PostAsync(bruno, thread, values);
        using var second = await PostAsync(bruno, thread, values);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await ReplyCountAsync());
        Assert.Equal(1, await DbAsync(db => db.Threads.Select(t => t.ReplyCount).SingleAsync()));
    }

    [Fact]
    public async Task Hostile_markup_in_a_post_reaches_the_page_harmless()
    {
        await CreateSpaceAsync();
        const string body = "<script>window.__xss=1</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) [ok](https://example.com)";
        var thread = await StartThreadAsync(await NewMemberAsync("Mallory"), body: body);

        var page = await GetPageAsync(NewVisitor(), thread);

        var rendered = page.QuerySelector(".post--opening .post__body")!;
        Assert.Empty(HtmlSafety.Dangers(rendered.InnerHtml));
        Assert.Contains("<script>window.__xss=1</script>", rendered.TextContent, StringComparison.Ordinal);
        Assert.Equal("nofollow ugc noopener", rendered.QuerySelector("a[href='https://example.com']")!.GetAttribute("rel"));
    }

    [Fact]
    public void The_safety_check_itself_spots_script()
    {
        Assert.NotEmpty(HtmlSafety.Dangers("<script>x()</script>"));
        Assert.NotEmpty(HtmlSafety.Dangers("<img src=x onerror=alert(1)>"));
        Assert.NotEmpty(HtmlSafety.Dangers("<a href=' java\tscript:alert(1)'>x</a>"));
        Assert.Empty(HtmlSafety.Dangers("<p><a href='https://example.com'>fine</a></p>"));
    }
}

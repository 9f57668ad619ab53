using System.Globalization;
using System.Net;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Reciprocity;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>"This helped me", thanks, reactions and accepted answers through the thread page, and every way to forge them.</summary>
public sealed class ReciprocityPageTests(WebFixture fixture) : WebTest(fixture)
{
    private HttpClient _alice = null!;
    private HttpClient _bruno = null!;
    private string _thread = string.Empty;
    private long _opening;
    private long _answer;

    private async Task AliceAsksBrunoAnswersAsync()
    {
        await CreateSpaceAsync();
        _alice = await NewMemberAsync("Alice");
        _bruno = await NewMemberAsync("Bruno");
        _thread = await StartThreadAsync(_alice, title: "Export with filters?", body: "How do I export only what I see?");
        using (await ReplyAsync(_bruno, _thread, "Use *Export view*."))
        {
        }

        _answer = await DbAsync(db => db.Posts.Where(p => !p.IsOpeningPost).Select(p => p.Id).SingleAsync());
        _opening = await DbAsync(db => db.Posts.Where(p => p.IsOpeningPost).Select(p => p.Id).SingleAsync());
    }

    private Task<List<ReciprocityRecord>> RecordsAsync() => DbAsync(db => db.ReciprocityRecords.ToListAsync());

    /// <summary>A form post built by hand, with a valid antiforgery token taken from the reply form on the page.</summary>
    private static async Task<HttpResponseMessage> ForgeAsync(HttpClient client, string threadUrl, long postId, string act)
    {
        var page = await GetPageAsync(client, threadUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? string.Empty;
        return await PostAsync(client, $"{threadUrl}?handler=acknowledge", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["postId"] = postId.ToString(CultureInfo.InvariantCulture),
            ["act"] = act,
        });
    }

    [Fact]
    public async Task A_member_marks_a_reply_as_helped_and_sees_the_button_pressed()
    {
        await AliceAsksBrunoAnswersAsync();

        using var response = await AcknowledgeAsync(_alice, _thread, _answer, "helped");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"#post-{_answer}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await GetPageAsync(_alice, _thread);
        var button = page.QuerySelector($"#post-{_answer} button[value=unhelped]");
        Assert.NotNull(button);
        Assert.Equal("true", button.GetAttribute("aria-pressed"));
        Assert.Equal("1", button.QuerySelector(".ack__count")!.TextContent);
        var record = Assert.Single(await RecordsAsync());
        Assert.Equal(ReciprocityKind.Helped, record.Kind);
    }

    [Fact]
    public async Task Taking_helped_back_through_the_page_retracts_it()
    {
        await AliceAsksBrunoAnswersAsync();
        using (await AcknowledgeAsync(_alice, _thread, _answer, "helped"))
        {
        }

        using var response = await AcknowledgeAsync(_alice, _thread, _answer, "unhelped");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(Assert.Single(await RecordsAsync()).IsActive);
    }

    [Fact]
    public async Task Reactions_and_thanks_are_counted_on_the_post_for_everyone()
    {
        await AliceAsksBrunoAnswersAsync();
        using (await AcknowledgeAsync(_alice, _thread, _answer, "react:heart"))
        using (await AcknowledgeAsync(_alice, _thread, _answer, "thank"))
        {
        }

        var page = await GetPageAsync(NewVisitor(), _thread);

        var said = page.QuerySelector($"#post-{_answer} .acks--readonly")!.TextContent;
        Assert.Contains("Thanked by 1", said, StringComparison.Ordinal);
        Assert.Contains("Love this", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_author_sees_no_buttons_on_their_own_post_and_a_forged_post_is_refused_with_a_message()
    {
        await AliceAsksBrunoAnswersAsync();
        Assert.Null((await GetPageAsync(_bruno, _thread)).QuerySelector($"#post-{_answer} form.acks"));

        using var response = await ForgeAsync(_bruno, _thread, _answer, "helped");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains("cannot mark your own post", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await RecordsAsync());
    }

    [Fact]
    public async Task An_anonymous_forged_acknowledgement_is_sent_to_sign_in()
    {
        await AliceAsksBrunoAnswersAsync();
        var visitor = NewVisitor();
        var signIn = await GetPageAsync(visitor, "/account/sign-in");
        var token = signIn.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await PostAsync(visitor, $"{_thread}?handler=acknowledge", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["postId"] = _answer.ToString(CultureInfo.InvariantCulture),
            ["act"] = "helped",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Empty(await RecordsAsync());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await AliceAsksBrunoAnswersAsync();

        using var response = await PostAsync(_alice, $"{_thread}?handler=acknowledge", new Dictionary<string, string> { ["postId"] = _answer.ToString(CultureInfo.InvariantCulture), ["act"] = "helped" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await RecordsAsync());
    }

    [Fact]
    public async Task An_unknown_action_is_a_bad_request()
    {
        await AliceAsksBrunoAnswersAsync();

        using var response = await ForgeAsync(_alice, _thread, _answer, "delete-everything");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_starter_accepts_an_answer_and_the_thread_shows_it_first_and_solved_in_its_space()
    {
        await AliceAsksBrunoAnswersAsync();

        using var response = await AcknowledgeAsync(_alice, _thread, _answer, "accept");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await GetPageAsync(NewVisitor(), _thread);
        var answer = page.QuerySelector(".accepted-answer")!;
        Assert.Contains("Export view", answer.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bruno", answer.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Solved", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var space = await GetPageAsync(NewVisitor(), "/s/questions");
        Assert.Contains("Solved", space.QuerySelector(".thread-row")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_forging_an_accept_on_someone_elses_thread_is_forbidden()
    {
        await AliceAsksBrunoAnswersAsync();
        var chloe = await NewMemberAsync("Chloe");
        Assert.Null((await GetPageAsync(chloe, _thread)).QuerySelector("button[value=accept]"));

        using var response = await ForgeAsync(chloe, _thread, _answer, "accept");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await RecordsAsync());
    }

    [Fact]
    public async Task A_moderator_sees_the_accept_button_on_any_thread()
    {
        await AliceAsksBrunoAnswersAsync();
        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);

        using var response = await AcknowledgeAsync(morgan, _thread, _answer, "accept");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ReciprocityKind.AcceptedAnswer, Assert.Single(await RecordsAsync()).Kind);
    }

    [Fact]
    public async Task Helped_is_not_offered_on_the_opening_post()
    {
        await AliceAsksBrunoAnswersAsync();

        var page = await GetPageAsync(_bruno, _thread);

        Assert.NotNull(page.QuerySelector($"#post-{_opening} button[value=thank]"));
        Assert.Null(page.QuerySelector($"#post-{_opening} button[value=helped]"));
    }
}

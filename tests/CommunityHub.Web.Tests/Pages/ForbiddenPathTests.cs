using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

public sealed class ForbiddenPathTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task An_anonymous_visitor_asking_to_start_a_thread_is_sent_to_sign_in()
    {
        await CreateSpaceAsync();

        using var response = await NewVisitor().GetAsync("/s/questions/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in?ReturnUrl=%2Fs%2Fquestions%2Fnew", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_POST_of_a_reply_is_sent_to_sign_in_and_nothing_is_posted()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var visitor = NewVisitor();
        // A valid antiforgery token for an anonymous visitor, from any form they can see.
        var signInForm = (await GetPageAsync(visitor, "/account/sign-in")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        var token = FormValues(signInForm)["__RequestVerificationToken"];

        using var response = await PostAsync(visitor, thread, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Body"] = "Anonymous words",
            ["Input.SubmissionId"] = Guid.NewGuid().ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await ReplyCountAsync());
    }

    [Fact]
    public async Task An_anonymous_POST_of_a_new_thread_is_sent_to_sign_in()
    {
        await CreateSpaceAsync();

        using var response = await PostAsync(NewVisitor(), "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "x", ["Input.Body"] = "y" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_reply_without_the_antiforgery_token_is_refused()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var bruno = await NewMemberAsync("Bruno");

        using var response = await PostAsync(bruno, thread, new Dictionary<string, string>
        {
            ["Input.Body"] = "Forged from another site",
            ["Input.SubmissionId"] = Guid.NewGuid().ToString(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await ReplyCountAsync());
    }

    [Fact]
    public async Task A_forged_thread_without_the_antiforgery_token_is_refused()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");

        using var response = await PostAsync(alice, "/s/questions/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Forged",
            ["Input.Body"] = "Forged",
            ["Input.SubmissionId"] = Guid.NewGuid().ToString(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_reply_posted_under_another_spaces_address_is_not_found_and_not_saved()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var bruno = await NewMemberAsync("Bruno");
        var form = (await GetPageAsync(bruno, thread)).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("#reply-form form")!;

        using var response = await PostAsync(bruno, thread.Replace("/s/questions/", "/s/ideas/", StringComparison.Ordinal),
            FormValues(form, new Dictionary<string, string> { ["Input.Body"] = "Wrong place" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await ReplyCountAsync());
    }

    [Fact]
    public async Task A_reply_cannot_be_attributed_to_someone_else_by_the_form()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var bruno = await NewMemberAsync("Bruno");
        var aliceId = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Alice").Select(m => m.Id).SingleAsync());

        using var response = await SubmitFormAsync(bruno, thread, new Dictionary<string, string>
        {
            ["Input.Body"] = "Who wrote this?",
            ["Input.AuthorId"] = aliceId.ToString(),
            ["AuthorId"] = aliceId.ToString(),
        }, "#reply-form form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var authors = await DbAsync(db => db.Posts.Where(p => !p.IsOpeningPost).Join(db.Members, p => p.AuthorId, m => m.Id, (_, m) => m.DisplayName).ToListAsync());
        Assert.Equal(["Bruno"], authors);
    }

    [Fact]
    public async Task Signing_out_takes_a_POST_so_a_link_cannot_sign_anyone_out()
    {
        var alice = await NewMemberAsync("Alice");

        var confirm = await GetPageAsync(alice, "/account/sign-out");
        var stillSignedIn = await GetPageAsync(alice, "/");

        Assert.Equal("Sign out", confirm.QuerySelector("h1")!.TextContent);
        Assert.Contains("Alice", stillSignedIn.QuerySelector(".account-nav")!.TextContent, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.Json;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>/account/data: the download, account deletion, and the admin's purge on /moderation/members/{id}.</summary>
public sealed class YourDataPageTests(WebFixture fixture) : WebTest(fixture)
{
    [Theory]
    [InlineData("/account/data")]
    [InlineData("/account/data/download")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        using var response = await NewVisitor().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_download_is_a_json_attachment_of_the_members_own_data()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice, body: "Alice's own question");
        var bruno = await NewMemberAsync("Bruno");
        using (await ReplyAsync(bruno, thread, "Bruno's own answer")) { }

        using var response = await bruno.GetAsync("/account/data/download");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^""?communityhub-my-data-\d{4}-\d{2}-\d{2}\.json""?$", response.Content.Headers.ContentDisposition?.FileName);
        using var data = JsonDocument.Parse(text);
        Assert.Equal("Bruno", data.RootElement.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Contains("Bruno's own answer", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice's own question", text, StringComparison.Ordinal);
        Assert.DoesNotContain(EmailOf("Alice"), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_delete_without_the_antiforgery_token_is_refused()
    {
        var bruno = await NewMemberAsync("Bruno");

        using var response = await PostAsync(bruno, "/account/data/delete", new Dictionary<string, string> { ["Input.Password"] = Password, ["Input.Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await DbAsync(db => db.Users.AnyAsync(u => u.Email == EmailOf("Bruno"))));
    }

    [Fact]
    public async Task A_wrong_password_is_told_on_the_form_and_deletes_nothing()
    {
        var bruno = await NewMemberAsync("Bruno");

        using var response = await SubmitFormAsync(bruno, "/account/data", new Dictionary<string, string> { ["Input.Password"] = "not my password" },
            extra: new Dictionary<string, string> { ["Input.Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That is not your password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await DbAsync(db => db.Users.AnyAsync(u => u.Email == EmailOf("Bruno"))));
    }

    [Fact]
    public async Task Deleting_the_account_signs_out_keeps_the_posts_as_by_former_member_and_frees_the_address()
    {
        var (bruno, thread, _) = await AliceAsksAndBrunoAnswersAsync();

        using var deleted = await DeleteAccountAsync(bruno);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        using (var after = await bruno.GetAsync("/account/data"))
        {
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode); // signed out
        }

        var threadPage = await GetPageAsync(NewVisitor(), thread);
        var reply = threadPage.QuerySelectorAll("article[id^='post-']")[^1];
        Assert.Contains("former member", reply.TextContent, StringComparison.Ordinal);
        Assert.Contains("Under the Export menu.", reply.TextContent, StringComparison.Ordinal);
        await GetPageAsync(NewVisitor(), "/members/bruno", HttpStatusCode.NotFound);
        // A former member has no profile, so their name is no link: not on the thread, not in Alice's ties.
        Assert.Equal(Member.FormerDisplayName, reply.QuerySelector(".post__author .member-former")?.TextContent);
        Assert.Null(threadPage.QuerySelector("a[href^='/members/former-']"));
        // Scored ties are shown to the member and the staff side: read Alice's as staff.
        var aliceProfile = await GetPageAsync(await NewMemberAsync("Sam", Roles.Staff), "/members/alice");
        Assert.Contains(Member.FormerDisplayName, aliceProfile.QuerySelector("#ties-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null(aliceProfile.QuerySelector("a[href^='/members/former-']"));

        using var signIn = await SubmitFormAsync(NewVisitor(), "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = EmailOf("Bruno"), ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the form again, with its error: no such account
        using (await NewMemberAsync("Bruno")) { } // the same address registers anew
        Assert.Equal(2, await DbAsync(db => db.Members.CountAsync(m => m.DisplayName == "Bruno" || m.DisplayName == Member.FormerDisplayName)));
    }

    [Fact]
    public async Task Only_an_admin_can_purge_a_former_members_posts()
    {
        var (bruno, thread, brunoId) = await AliceAsksAndBrunoAnswersAsync();
        using (await DeleteAccountAsync(bruno)) { }
        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);
        var ada = await NewMemberAsync("Ada", Roles.Admin);

        // A moderator sees no purge button, and a forged post built on the page's token is refused.
        var moderatorView = await GetPageAsync(morgan, $"/moderation/members/{brunoId}");
        Assert.Null(moderatorView.QuerySelector("form[action$='handler=purge']"));
        using (var forged = await SubmitFormAsync(morgan, $"/moderation/members/{brunoId}", new Dictionary<string, string>(), "form[action$='handler=sanction']",
            formAction: $"/moderation/members/{brunoId}?handler=purge"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        Assert.Equal("Under the Export menu.", await DbAsync(db => db.Posts.Where(p => p.AuthorId == brunoId).Select(p => p.Body).SingleAsync()));

        // The admin finds the former member by that name (they have no account, so no address, any more).
        Assert.NotNull((await GetPageAsync(ada, "/moderation/members?q=former")).QuerySelector($"a[href='/moderation/members/{brunoId}']"));
        using var purged = await SubmitFormAsync(ada, $"/moderation/members/{brunoId}", new Dictionary<string, string>(), "form[action$='handler=purge']");
        Assert.Equal(HttpStatusCode.Redirect, purged.StatusCode);
        Assert.Equal(string.Empty, await DbAsync(db => db.Posts.Where(p => p.AuthorId == brunoId).Select(p => p.Body).SingleAsync()));
        // Removed by the purge, not by its author: the placeholder does not say who.
        Assert.Equal("This reply was removed.", (await GetPageAsync(NewVisitor(), thread)).QuerySelectorAll("article[id^='post-']")[^1].QuerySelector(".post__removed")?.TextContent);
    }

    [Fact]
    public async Task The_pages_are_valid_html()
    {
        var (bruno, thread, brunoId) = await AliceAsksAndBrunoAnswersAsync();
        var ada = await NewMemberAsync("Ada", Roles.Admin);

        var pages = new Dictionary<string, string>
        {
            ["your-data"] = await (await bruno.GetAsync("/account/data")).Content.ReadAsStringAsync(),
        };
        using (var refused = await SubmitFormAsync(bruno, "/account/data", new Dictionary<string, string> { ["Input.Password"] = "" }))
        {
            pages["your-data-refused"] = await refused.Content.ReadAsStringAsync();
        }

        using (await DeleteAccountAsync(bruno)) { }
        using (var home = await bruno.GetAsync("/"))
        {
            pages["home-after-deleting"] = await home.Content.ReadAsStringAsync();
        }

        pages["thread-with-former-member"] = await (await NewVisitor().GetAsync(thread)).Content.ReadAsStringAsync();
        pages["former-member-for-admin"] = await (await ada.GetAsync($"/moderation/members/{brunoId}")).Content.ReadAsStringAsync();

        Assert.Contains("Enter your password.", pages["your-data-refused"], StringComparison.Ordinal);
        Assert.Contains("Your account is deleted", pages["home-after-deleting"], StringComparison.Ordinal);
        Assert.Contains("Purge their posts", pages["former-member-for-admin"], StringComparison.Ordinal);
        var findings = await HtmlConformanceTests.CheckAsync(pages);
        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));
    }

    /// <summary>Alice's thread with a reply from Bruno: what a deleted account leaves behind.</summary>
    private async Task<(HttpClient Bruno, string Thread, Guid BrunoId)> AliceAsksAndBrunoAnswersAsync()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var bruno = await NewMemberAsync("Bruno");
        using (await ReplyAsync(bruno, thread, "Under the Export menu.")) { }
        return (bruno, thread, await DbAsync(db => db.Members.Where(m => m.DisplayName == "Bruno").Select(m => m.Id).SingleAsync()));
    }

    private static Task<HttpResponseMessage> DeleteAccountAsync(HttpClient member) =>
        SubmitFormAsync(member, "/account/data", new Dictionary<string, string> { ["Input.Password"] = Password },
            extra: new Dictionary<string, string> { ["Input.Confirm"] = "true" });
}

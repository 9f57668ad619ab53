using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Sso;

/// <summary>Linked sign-ins on the account page: link Example Corp, remove it, never the last way in.</summary>
public sealed class LinkedSignInTests(WebFixture fixture, SsoApps sso) : SsoTest(fixture, sso)
{
    [Fact]
    public async Task A_member_links_Example_Corp_from_the_account_page_and_removes_it_again()
    {
        var app = await AppAsync();
        var person = await NewPersonAsync(app);
        await NewMemberAsync(person.Community, "Alice");
        var work = Provider.AddUser("alice.work", "alice@examplecorp.test", name: "Alice at work");

        var callback = await SignInAtProviderAsync(person, work, start: () => SubmitFormAsync(person.Community, "/account/sign-ins", new Dictionary<string, string>(), "#link-example-corp"));
        using var linked = await FollowAsync(person.Community, callback);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Contains("Example Corp is linked", (await ParseAsync(linked)).QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await DbAsync(db => db.UserLogins.CountAsync()));
        Assert.True(await DbAsync(db => db.Emails.AnyAsync(e => e.ToAddress == EmailOf("Alice") && e.Subject.Contains("A sign-in was linked"))));

        // Example Corp now signs in to Alice's account, whatever address it gives.
        Assert.Equal("Alice", SignedInAs(await ContinueWithExampleCorpAsync(await NewPersonAsync(app), work)));

        using var removed = await SubmitFormAsync(person.Community, "/account/sign-ins", new Dictionary<string, string>(), "form[action='/account/sign-ins/remove']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await DbAsync(db => db.UserLogins.CountAsync()));
    }

    [Fact]
    public async Task The_only_way_in_cannot_be_removed_even_by_a_forged_post()
    {
        var app = await AppAsync();
        var person = await NewPersonAsync(app);
        var dana = Provider.AddUser("dana.only", "dana.only@examplecorp.test", name: "Dana Only");
        await ContinueWithExampleCorpAsync(person, dana);

        var page = await GetPageAsync(person.Community, "/account/sign-ins");
        Assert.Null(page.QuerySelector("form[action='/account/sign-ins/remove']"));
        Assert.Contains("only way in", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var forged = await SubmitFormAsync(person.Community, "/account/sign-ins", new Dictionary<string, string>(), "main form",
            formAction: "/account/sign-ins/remove", extra: new Dictionary<string, string> { ["Input.Provider"] = "example-corp" });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("only way to sign in", (await ParseAsync(forged)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await DbAsync(db => db.UserLogins.CountAsync()));
    }

    [Fact]
    public async Task An_Example_Corp_account_linked_to_someone_else_is_not_linked_again()
    {
        var app = await AppAsync();
        var dana = Provider.AddUser("dana.taken", "dana.taken@examplecorp.test", name: "Dana Taken");
        await ContinueWithExampleCorpAsync(await NewPersonAsync(app), dana);

        var person = await NewPersonAsync(app);
        await NewMemberAsync(person.Community, "Alice");
        var callback = await SignInAtProviderAsync(person, dana, start: () => SubmitFormAsync(person.Community, "/account/sign-ins", new Dictionary<string, string>(), "#link-example-corp"));
        using var refused = await FollowAsync(person.Community, callback);

        Assert.Contains("linked to another member", (await ParseAsync(refused)).QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await DbAsync(db => db.UserLogins.CountAsync()));
    }
}

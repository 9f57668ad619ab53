using AngleSharp.Dom;
using System.Net;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Sso;

/// <summary>Single sign-on against Example Corp, a real OpenID Connect provider (OpenIddict) on 127.0.0.1: the
/// authorization code flow with PKCE, state and nonce, as the community's OpenID Connect handler runs it.</summary>
public sealed class SingleSignOnTests(WebFixture fixture, SsoApps sso) : SsoTest(fixture, sso)
{
    [Fact]
    public async Task The_first_sign_in_creates_the_member_from_the_providers_claims()
    {
        var person = await NewPersonAsync();
        var dana = Provider.AddUser("dana", "dana@examplecorp.test", name: "Dana Scully", organisation: "Example Corp EMEA");

        var page = await ContinueWithExampleCorpAsync(person, dana);

        Assert.Equal("Dana Scully", SignedInAs(page));
        var member = await DbAsync(db => db.Members.SingleAsync(m => m.DisplayName == "Dana Scully"));
        Assert.Equal("dana-scully", member.Handle);
        Assert.Equal("Example Corp EMEA", member.Organisation);
        var account = await DbAsync(db => db.Users.SingleAsync(u => u.Id == member.Id));
        Assert.Equal("dana@examplecorp.test", account.Email);
        Assert.True(account.EmailConfirmed);
        Assert.Null(account.PasswordHash);
        var login = await DbAsync(db => db.UserLogins.SingleAsync(l => l.UserId == member.Id));
        Assert.Equal(("example-corp", dana.Subject), (login.LoginProvider, login.ProviderKey));
    }

    [Fact]
    public async Task A_returning_member_is_found_by_subject_after_their_e_mail_changed_at_the_provider()
    {
        await AppAsync();
        var dana = Provider.AddUser("dana2", "dana@examplecorp.test", name: "Dana Scully");
        await ContinueWithExampleCorpAsync(await NewPersonAsync(), dana);
        var before = await MemberCountAsync();

        dana.Email = "dana.scully@examplecorp.test";
        dana.Name = "Dana K. Scully";
        var page = await ContinueWithExampleCorpAsync(await NewPersonAsync(), dana);

        Assert.Equal(before, await MemberCountAsync());
        // Found by subject; the member's own name and address are not overwritten by the provider.
        Assert.Equal("Dana Scully", SignedInAs(page));
        Assert.Equal("dana@examplecorp.test", await DbAsync(db => db.Users.Select(u => u.Email).SingleAsync()));
    }

    [Fact]
    public async Task A_verified_address_of_a_local_account_links_only_after_its_password_is_given()
    {
        var app = await AppAsync();
        using (await NewMemberAsync(NewVisitor(app), "Alice"))
        {
        }

        var alice = Provider.AddUser("alice", EmailOf("Alice"), emailVerified: true);
        var person = await NewPersonAsync(app);
        var callback = await SignInAtProviderAsync(person, alice);
        using var landed = await FollowAsync(person.Community, callback);
        var page = await ParseAsync(landed);
        Assert.Contains("already uses", page.QuerySelector(".lede")!.TextContent, StringComparison.Ordinal);
        Assert.Null(SignedInAs(page));

        using var wrong = await SubmitFormAsync(person.Community, "/account/external/link", new Dictionary<string, string> { ["Input.Password"] = "not her password" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("not the password", (await ParseAsync(wrong)).QuerySelector("#Input_Password-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(db => db.UserLogins.CountAsync()));

        using var right = await SubmitFormAsync(person.Community, "/account/external/link", new Dictionary<string, string> { ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("Alice", SignedInAs(await GetPageAsync(person.Community, "/")));
        Assert.Equal(1, await DbAsync(db => db.UserLogins.CountAsync()));
        Assert.Equal(1, await MemberCountAsync());

        // Next time Example Corp alone is enough.
        Assert.Equal("Alice", SignedInAs(await ContinueWithExampleCorpAsync(await NewPersonAsync(app), alice)));
    }

    [Fact]
    public async Task An_unverified_e_mail_claim_never_links_to_an_existing_account()
    {
        var app = await AppAsync();
        using (await NewMemberAsync(NewVisitor(app), "Alice"))
        {
        }

        var mallory = Provider.AddUser("mallory", EmailOf("Alice"), emailVerified: false, name: "Mallory");
        var person = await NewPersonAsync(app);

        var page = await ContinueWithExampleCorpAsync(person, mallory);

        Assert.Contains("does not say that the address is verified", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(SignedInAs(page));
        Assert.Equal(0, await DbAsync(db => db.UserLogins.CountAsync()));
        Assert.Equal(1, await MemberCountAsync());
        // The link-with-password page has nothing to link either.
        using var link = await person.Community.GetAsync("/account/external/link");
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
    }

    [Fact]
    public async Task A_tampered_state_is_refused_with_a_clear_page()
    {
        var person = await NewPersonAsync();
        var dana = Provider.AddUser("dana3", "dana3@examplecorp.test");
        var callback = await SignInAtProviderAsync(person, dana);

        var tampered = callback.PathAndQuery.Replace("state=", "state=x", StringComparison.Ordinal);
        using var refused = await FollowAsync(person.Community, new Uri(tampered, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await ParseAsync(refused);
        Assert.Contains("did not belong to a sign-in started here", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await MemberCountAsync());
    }

    [Fact]
    public async Task A_missing_state_is_refused_with_a_clear_page()
    {
        var person = await NewPersonAsync();
        var callback = await SignInAtProviderAsync(person, Provider.AddUser("dana4", "dana4@examplecorp.test"));
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query)["code"].ToString();

        using var refused = await FollowAsync(person.Community, new Uri($"/signin-oidc-example-corp?code={Uri.EscapeDataString(code)}", UriKind.Relative));

        Assert.Contains("Nothing was changed", (await ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await MemberCountAsync());
    }

    [Fact]
    public async Task A_replayed_code_is_refused_by_the_community_and_by_the_provider()
    {
        var app = await AppAsync();
        var person = await NewPersonAsync(app);
        var dana = Provider.AddUser("dana5", "dana5@examplecorp.test", name: "Dana Five");
        var callback = await SignInAtProviderAsync(person, dana);
        using (var first = await FollowAsync(person.Community, callback))
        {
            Assert.Equal("Dana Five", SignedInAs(await ParseAsync(first)));
        }

        // The same answer again, in the same browser (its state is used up) and in an attacker's.
        using var again = await FollowAsync(person.Community, callback);
        Assert.Contains("Nothing was changed", (await ParseAsync(again)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var attacker = await NewPersonAsync(app);
        using var stolen = await FollowAsync(attacker.Community, callback);
        var page = await ParseAsync(stolen);
        Assert.Null(SignedInAs(page));
        Assert.Contains("Nothing was changed", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await MemberCountAsync());
    }

    [Fact]
    public async Task A_code_redeemed_once_is_refused_by_the_provider_even_with_a_fresh_state()
    {
        // Two sign-ins in one browser: the second answer's state is genuine, but it carries the first answer's code.
        var person = await NewPersonAsync();
        var dana = Provider.AddUser("dana6", "dana6@examplecorp.test", name: "Dana Six");
        var first = await SignInAtProviderAsync(person, dana);
        var second = await SignInAtProviderAsync(person, dana);
        using (var signedIn = await FollowAsync(person.Community, first))
        {
            Assert.Equal("Dana Six", SignedInAs(await ParseAsync(signedIn)));
        }

        var firstCode = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(first.Query)["code"].ToString();
        var secondState = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(second.Query)["state"].ToString();
        using var replayed = await FollowAsync(person.Community, new Uri($"/signin-oidc-example-corp?code={Uri.EscapeDataString(firstCode)}&state={Uri.EscapeDataString(secondState)}", UriKind.Relative));

        var page = await ParseAsync(replayed);
        Assert.Contains("code had expired or had been used already", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_another_client_is_refused_with_a_clear_page()
    {
        var person = await NewPersonAsync();
        var callback = await SignInAtProviderAsync(person, Provider.AddUser("dana7", "dana7@examplecorp.test"));
        Provider.IssueTokensForAnotherAudience = true;
        try
        {
            using var refused = await FollowAsync(person.Community, callback);
            var page = await ParseAsync(refused);
            Assert.Contains("not meant for this community", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
            Assert.Null(SignedInAs(page));
            Assert.Equal(0, await MemberCountAsync());
        }
        finally
        {
            Provider.IssueTokensForAnotherAudience = false;
        }
    }

    [Fact]
    public async Task A_provider_that_is_down_gives_a_friendly_page()
    {
        var person = await NewPersonAsync();

        using var started = await PressContinueWithAsync(person.Community, "down-corp");

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var page = await ParseAsync(started);
        Assert.Contains("We could not reach Down Corp", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("IDX", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_providers_groups_give_the_mapped_role_and_take_it_back()
    {
        await AppAsync();
        var morgan = Provider.AddUser("morgan", "morgan@examplecorp.test", name: "Morgan Reyes", groups: ["community-moderators"]);
        await ContinueWithExampleCorpAsync(await NewPersonAsync(), morgan);
        Assert.Equal(["Member", "Moderator"], await RolesAsync("Morgan Reyes"));

        morgan.Groups = [];
        await ContinueWithExampleCorpAsync(await NewPersonAsync(), morgan);
        Assert.Equal(["Member"], await RolesAsync("Morgan Reyes"));
    }

    [Fact]
    public async Task SSO_only_removes_the_password_forms_and_refuses_a_forged_password_post()
    {
        var open = await AppAsync();
        using (await NewMemberAsync(NewVisitor(open), "Alice"))
        {
        }

        var ssoOnly = await AppAsync("sso-only", new Dictionary<string, string?> { ["Authentication:LocalPasswords"] = "false" });
        var visitor = NewVisitor(ssoOnly);
        var signIn = await GetPageAsync(visitor, "/account/sign-in");
        Assert.Null(signIn.QuerySelector("input[type=password]"));
        Assert.NotNull(signIn.QuerySelector("form.sso-provider"));
        Assert.Null((await GetPageAsync(visitor, "/account/register")).QuerySelector("input[type=password]"));

        // The form of the open app, posted to the SSO-only one (same keys, so the antiforgery token is good).
        var token = (await GetPageAsync(NewVisitor(open), "/account/sign-in")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var forger = NewVisitor(ssoOnly);
        var form = (await GetPageAsync(forger, "/account/sign-in")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var forged = await PostAsync(forger, "/account/sign-in", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form, ["Input.Email"] = EmailOf("Alice"), ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Null(SignedInAs(await GetPageAsync(forger, "/")));
        Assert.NotNull(token);

        using var registering = await PostAsync(forger, "/account/register", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form, ["Input.DisplayName"] = "Eve", ["Input.Email"] = "eve@example.com", ["Input.Password"] = Password,
        });
        Assert.Contains("single sign-on only", (await ParseAsync(registering)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await MemberCountAsync());
    }

    [Fact]
    public async Task In_SSO_only_an_admin_gets_in_through_the_break_glass_page_and_nobody_else_does()
    {
        var open = await AppAsync();
        using (await NewMemberAsync(NewVisitor(open), "Ada"))
        {
        }

        using (await NewMemberAsync(NewVisitor(open), "Bruno"))
        {
        }

        await Fixture.GrantAsync("Ada", [Roles.Admin]);
        var ssoOnly = await AppAsync("sso-only", new Dictionary<string, string?> { ["Authentication:LocalPasswords"] = "false" });

        var bruno = NewVisitor(ssoOnly);
        using var refused = await SubmitFormAsync(bruno, "/account/break-glass", new Dictionary<string, string> { ["email"] = EmailOf("Bruno"), ["password"] = Password });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Null(SignedInAs(await GetPageAsync(bruno, "/")));

        var ada = NewVisitor(ssoOnly);
        using var admitted = await SubmitFormAsync(ada, "/account/break-glass", new Dictionary<string, string> { ["email"] = EmailOf("Ada"), ["password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
        Assert.Equal("Ada", SignedInAs(await GetPageAsync(ada, "/")));
    }

    private Task<List<string>> RolesAsync(string displayName) => DbAsync(db => (
        from m in db.Members
        join ur in db.UserRoles on m.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where m.DisplayName == displayName
        orderby r.Name
        select r.Name!).ToListAsync());
}

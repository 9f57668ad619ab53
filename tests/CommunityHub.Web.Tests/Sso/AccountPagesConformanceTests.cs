using System.Net;
using CommunityHub.Web.Tests.Account;
using CommunityHub.Web.Tests.Pages;

namespace CommunityHub.Web.Tests.Sso;

/// <summary>Every page this feature added, in the states a person meets, is valid HTML by the Nu HTML checker.</summary>
public sealed class AccountPagesConformanceTests(WebFixture fixture, SsoApps sso) : SsoTest(fixture, sso)
{
    [Fact]
    public async Task Every_account_and_sign_in_page_is_valid_html()
    {
        var app = await AppAsync();
        var ssoOnly = await AppAsync("sso-only", new Dictionary<string, string?> { ["Authentication:LocalPasswords"] = "false" });
        var visitor = NewVisitor(app);
        var alice = await NewMemberAsync(NewVisitor(app), "Alice");
        var pages = new Dictionary<string, string>
        {
            ["sign-in-with-providers"] = await HtmlConformanceTests.HtmlAsync(visitor, "/account/sign-in"),
            ["register-with-providers"] = await HtmlConformanceTests.HtmlAsync(visitor, "/account/register"),
            ["sign-in-sso-only"] = await HtmlConformanceTests.HtmlAsync(NewVisitor(ssoOnly), "/account/sign-in"),
            ["register-sso-only"] = await HtmlConformanceTests.HtmlAsync(NewVisitor(ssoOnly), "/account/register"),
            ["break-glass"] = await HtmlConformanceTests.HtmlAsync(visitor, "/account/break-glass"),
            ["break-glass-refused"] = await HtmlConformanceTests.FormHtmlAsync(SubmitFormAsync(NewVisitor(app), "/account/break-glass", new Dictionary<string, string> { ["email"] = "x@example.com", ["password"] = "wrong" })),
            ["external-failed"] = await HtmlConformanceTests.HtmlAsync(visitor, "/account/external/failed?provider=example-corp&reason=token"),
            ["provider-down"] = await HtmlConformanceTests.FormHtmlAsync(PressContinueWithAsync(NewVisitor(app), "down-corp")),
            ["confirm-email-change-ask"] = await HtmlConformanceTests.HtmlAsync(visitor, $"/account/confirm-email-change?member={Guid.NewGuid()}&email=a%40example.com&code=abc"),
            ["confirm-email-change-invalid"] = await HtmlConformanceTests.HtmlAsync(visitor, "/account/confirm-email-change"),
            ["account"] = await HtmlConformanceTests.HtmlAsync(alice, "/account"),
            ["account-refused"] = await HtmlConformanceTests.FormHtmlAsync(SubmitFormAsync(alice, "/account", new Dictionary<string, string> { ["Input.Handle"] = "Bad Handle", ["Input.TimeZone"] = "Nowhere/Else", ["Input.DisplayName"] = "" }, "main form")),
            ["email"] = await HtmlConformanceTests.HtmlAsync(alice, "/account/email?sent=true"),
            ["email-refused"] = await HtmlConformanceTests.FormHtmlAsync(SubmitFormAsync(alice, "/account/email", new Dictionary<string, string> { ["Input.NewEmail"] = "not an address" })),
            ["password"] = await HtmlConformanceTests.HtmlAsync(alice, "/account/password"),
            ["password-refused"] = await HtmlConformanceTests.FormHtmlAsync(SubmitFormAsync(alice, "/account/password", new Dictionary<string, string> { ["Input.CurrentPassword"] = "wrong", ["Input.NewPassword"] = "x" })),
            ["two-factor-setup"] = await HtmlConformanceTests.HtmlAsync(alice, "/account/two-factor?required=true"),
            ["two-factor-refused"] = await HtmlConformanceTests.FormHtmlAsync(SubmitFormAsync(alice, "/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = "12" }, "form[action='/account/two-factor/enable']")),
            ["sessions"] = await HtmlConformanceTests.HtmlAsync(alice, "/account/sessions"),
            ["sign-ins"] = await HtmlConformanceTests.HtmlAsync(alice, "/account/sign-ins"),
            ["welcome"] = await HtmlConformanceTests.HtmlAsync(alice, "/account/welcome?resent=true"),
        };

        var key = (await GetPageAsync(alice, "/account/two-factor")).QuerySelector(".authenticator-key")!.TextContent;
        pages["two-factor-recovery-codes"] = await HtmlConformanceTests.FormHtmlAsync(SubmitFormAsync(alice, "/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = AccountTestKit.Totp(key, DateTimeOffset.UtcNow) }, "form[action='/account/two-factor/enable']"));
        pages["two-factor-on"] = await HtmlConformanceTests.HtmlAsync(alice, "/account/two-factor");
        var halfSignedIn = NewVisitor(app);
        using (var password = await SubmitFormAsync(halfSignedIn, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = EmailOf("Alice"), ["Input.Password"] = Password }, "main form.form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        }

        pages["sign-in-two-factor"] = await HtmlConformanceTests.HtmlAsync(halfSignedIn, "/account/sign-in/two-factor");
        pages["sign-in-recovery-code"] = await HtmlConformanceTests.HtmlAsync(halfSignedIn, "/account/sign-in/two-factor?recovery=true");
        pages["sign-in-two-factor-refused"] = await HtmlConformanceTests.FormHtmlAsync(SubmitFormAsync(halfSignedIn, "/account/sign-in/two-factor", new Dictionary<string, string> { ["code"] = "000000" }));

        // The provider's answer for an existing verified address: the link-with-password page, and its refusal.
        using (await NewMemberAsync(NewVisitor(app), "Bruno"))
        {
        }

        var person = await NewPersonAsync(app);
        using (var toLink = await FollowAsync(person.Community, await SignInAtProviderAsync(person, Provider.AddUser("bruno.html", EmailOf("Bruno")))))
        {
            pages["link-account"] = await toLink.Content.ReadAsStringAsync();
        }

        pages["link-account-refused"] = await HtmlConformanceTests.FormHtmlAsync(SubmitFormAsync(person.Community, "/account/external/link", new Dictionary<string, string> { ["Input.Password"] = "wrong" }));

        var findings = await HtmlConformanceTests.CheckAsync(pages);

        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));
    }
}

using System.Net;

namespace CommunityHub.Web.Tests.Pages;

public sealed class AccountTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task A_new_member_is_signed_in_and_greeted_by_name()
    {
        var alice = await NewMemberAsync("Alice Chen");

        var home = await GetPageAsync(alice, "/");

        Assert.Contains("Signed in as Alice Chen", home.QuerySelector(".account-nav")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_with_an_e_mail_already_in_use_says_so_on_the_form()
    {
        await NewMemberAsync("Alice");

        using var response = await SubmitFormAsync(NewVisitor(), "/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Alice again",
            ["Input.Email"] = EmailOf("Alice"),
            ["Input.Password"] = Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains("already exists", page.QuerySelector("#Input_Email-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_and_in_again()
    {
        var alice = await NewMemberAsync("Alice");
        using var signedOut = await SubmitFormAsync(alice, "/account/sign-out", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Null((await GetPageAsync(alice, "/")).QuerySelector(".account-nav__who"));

        using var signedIn = await SubmitFormAsync(alice, "/account/sign-in?returnUrl=%2Fs%2Fanywhere", new Dictionary<string, string>
        {
            ["Input.Email"] = EmailOf("Alice"),
            ["Input.Password"] = Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/s/anywhere", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_in_never_redirects_to_another_site()
    {
        await NewMemberAsync("Alice");

        using var response = await SubmitFormAsync(NewVisitor(), "/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["Input.Email"] = EmailOf("Alice"),
            ["Input.Password"] = Password,
        });

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        await NewMemberAsync("Alice");
        var attacker = NewVisitor();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SubmitFormAsync(attacker, "/account/sign-in", new Dictionary<string, string>
            {
                ["Input.Email"] = EmailOf("Alice"),
                ["Input.Password"] = "not the password " + attempt,
            });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await SubmitFormAsync(attacker, "/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = EmailOf("Alice"),
            ["Input.Password"] = Password,
        });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", (await ParseAsync(right)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_says_the_details_do_not_match()
    {
        await NewMemberAsync("Alice");

        using var response = await SubmitFormAsync(NewVisitor(), "/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = EmailOf("Alice"),
            ["Input.Password"] = "wrong",
        });

        Assert.Contains("do not match", (await ParseAsync(response)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
    }
}

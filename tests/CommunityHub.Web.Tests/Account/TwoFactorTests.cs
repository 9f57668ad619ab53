using System.Net;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;
using static CommunityHub.Web.Tests.Account.AccountTestKit;

namespace CommunityHub.Web.Tests.Account;

/// <summary>Two-factor authentication with an authenticator app (this test computes the codes as one would).</summary>
public sealed class TwoFactorTests(WebFixture fixture) : WebTest(fixture)
{
    /// <summary>Turns two-factor on through the page and returns the key and the recovery codes.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes)> TurnOnAsync(HttpClient member)
    {
        var setup = await GetPageAsync(member, "/account/two-factor");
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.qr-code")!.GetAttribute("src"), StringComparison.Ordinal);
        var key = setup.QuerySelector(".authenticator-key")!.TextContent;
        using var enabled = await SubmitFormAsync(member, "/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp(key, DateTimeOffset.UtcNow) }, "form[action='/account/two-factor/enable']");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = (await ParseAsync(enabled)).QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        return (key, codes);
    }

    private static async Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string email) =>
        await SubmitFormAsync(client, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });

    [Fact]
    public async Task Opening_the_setup_page_keeps_the_member_signed_in_everywhere()
    {
        // A renewed security stamp signs out every session at its next check (a minute later): making the first key
        // must not renew it, or merely looking at the setup page signs the member out (seen in a slow browser run).
        var alice = await NewMemberAsync("Alice");
        var stamp = await DbAsync(db => db.Users.Select(u => u.SecurityStamp).SingleAsync());
        var first = (await GetPageAsync(alice, "/account/two-factor")).QuerySelector(".authenticator-key")!.TextContent;
        var again = (await GetPageAsync(alice, "/account/two-factor")).QuerySelector(".authenticator-key")!.TextContent;

        Assert.Equal(first, again);
        Assert.Equal(stamp, await DbAsync(db => db.Users.Select(u => u.SecurityStamp).SingleAsync()));
        Assert.NotNull(await DbAsync(db => db.UserTokens.Select(t => t.Value).SingleOrDefaultAsync()));
    }

    [Fact]
    public async Task Turning_on_two_factor_gives_ten_recovery_codes_and_sign_in_then_asks_for_a_code()
    {
        var alice = await NewMemberAsync("Alice");
        var (key, codes) = await TurnOnAsync(alice);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True(await DbAsync(db => db.Emails.AnyAsync(e => e.Subject.Contains("Two-factor authentication is on"))));

        var laptop = NewVisitor();
        using var password = await PasswordStepAsync(laptop, EmailOf("Alice"));
        Assert.StartsWith("/account/sign-in/two-factor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await IsSignedInAsync(laptop));

        using var wrong = await SubmitFormAsync(laptop, "/account/sign-in/two-factor", new Dictionary<string, string> { ["code"] = "000000" });
        Assert.Contains("not right", (await ParseAsync(wrong)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.False(await IsSignedInAsync(laptop));

        // A fresh step's code (the one used to turn it on was the current step's).
        using var right = await SubmitFormAsync(laptop, "/account/sign-in/two-factor", new Dictionary<string, string> { ["code"] = Totp(key, DateTimeOffset.UtcNow, stepOffset: 1) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.True(await IsSignedInAsync(laptop));
    }

    [Fact]
    public async Task A_code_used_once_is_refused_the_second_time()
    {
        var alice = await NewMemberAsync("Alice");
        var (key, _) = await TurnOnAsync(alice);
        // A later step than the one that turned it on (which counts as used): the previous step's code is refused
        // whenever the clock crossed into a new 30 s step since then.
        var code = Totp(key, DateTimeOffset.UtcNow, stepOffset: 1);

        var first = NewVisitor();
        using (await PasswordStepAsync(first, EmailOf("Alice")))
        {
        }

        using (var accepted = await SubmitFormAsync(first, "/account/sign-in/two-factor", new Dictionary<string, string> { ["code"] = code }))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var second = NewVisitor();
        using (await PasswordStepAsync(second, EmailOf("Alice")))
        {
        }

        using var replayed = await SubmitFormAsync(second, "/account/sign-in/two-factor", new Dictionary<string, string> { ["code"] = code });
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("used already", (await ParseAsync(replayed)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.False(await IsSignedInAsync(second));
    }

    [Fact]
    public async Task A_recovery_code_lets_the_member_in_once()
    {
        var alice = await NewMemberAsync("Alice");
        var (_, codes) = await TurnOnAsync(alice);

        var lostPhone = NewVisitor();
        using (await PasswordStepAsync(lostPhone, EmailOf("Alice")))
        {
        }

        using var recovered = await SubmitFormAsync(lostPhone, "/account/sign-in/two-factor?recovery=true", new Dictionary<string, string> { ["code"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.True(await IsSignedInAsync(lostPhone));
        Assert.True(await DbAsync(db => db.AccountEvents.AnyAsync(e => e.Kind == AccountEventKind.RecoveryCodeUsed)));

        var again = NewVisitor();
        using (await PasswordStepAsync(again, EmailOf("Alice")))
        {
        }

        using var reused = await SubmitFormAsync(again, "/account/sign-in/two-factor?recovery=true", new Dictionary<string, string> { ["code"] = codes[0] });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.False(await IsSignedInAsync(again));
    }

    [Fact]
    public async Task A_wrong_code_does_not_turn_two_factor_on()
    {
        var alice = await NewMemberAsync("Alice");
        await GetPageAsync(alice, "/account/two-factor");

        using var refused = await SubmitFormAsync(alice, "/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = "123456" }, "form[action='/account/two-factor/enable']");

        Assert.Contains("not right", (await ParseAsync(refused)).QuerySelector("#Input_Code-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await DbAsync(db => db.Users.Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Where_required_a_moderator_without_two_factor_reaches_only_the_account_pages()
    {
        var app = Fixture.AppWith("two-factor-required", new Dictionary<string, string?> { ["Authentication:RequireTwoFactorForModerators"] = "true" });
        using (await NewMemberAsync(NewVisitor(app), "Morgan"))
        {
        }

        await Fixture.GrantAsync("Morgan", [Roles.Moderator]);
        var morgan = NewVisitor(app);
        using (await PasswordStepAsync(morgan, EmailOf("Morgan")))
        {
        }

        using var queue = await morgan.GetAsync("/moderation");
        Assert.Equal("/account/two-factor?required=true", queue.Headers.Location!.OriginalString);
        Assert.Contains("must use two-factor", (await GetPageAsync(morgan, "/account/two-factor?required=true")).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        await TurnOnAsync(morgan);
        using var allowed = await morgan.GetAsync("/moderation");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Account;

/// <summary>The account page a member controls: profile, handle, time zone, e-mail, password; each bad input gets
/// its message and changes nothing.</summary>
public sealed class AccountPageTests(WebFixture fixture) : WebTest(fixture)
{
    private static Dictionary<string, string> Profile(string name = "Alice Chen", string handle = "alice", string? bio = null, string? website = null, string? zone = null) => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Handle"] = handle,
        ["Input.Bio"] = bio ?? string.Empty,
        ["Input.Website"] = website ?? string.Empty,
        ["Input.TimeZone"] = zone ?? string.Empty,
    };

    [Fact]
    public async Task The_header_links_to_the_account_page()
    {
        var alice = await NewMemberAsync("Alice");

        var home = await GetPageAsync(alice, "/");

        Assert.NotNull(home.QuerySelector(".account-nav a[href='/account']"));
        Assert.Equal(HttpStatusCode.Redirect, (await NewVisitor().GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_member_renames_themselves_and_old_handle_links_keep_leading_to_them()
    {
        var alice = await NewMemberAsync("Alice");

        using var saved = await SubmitFormAsync(alice, "/account", Profile("Alice Chen", "alice-chen", "I run finance at a small firm.", "https://alice.example", "Europe/Berlin"), "main form");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var member = await DbAsync(db => db.Members.SingleAsync());
        Assert.Equal(("Alice Chen", "alice-chen", "I run finance at a small firm.", "https://alice.example", "Europe/Berlin"), (member.DisplayName, member.Handle, member.Bio, member.Website, member.TimeZone));
        Assert.Contains("Alice Chen", (await GetPageAsync(alice, "/")).QuerySelector(".account-nav__who")!.TextContent, StringComparison.Ordinal);
        using var old = await NewVisitor().GetAsync("/members/alice");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/members/alice-chen", old.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_handle_someone_else_uses_or_used_is_refused_and_nothing_changes()
    {
        var bruno = await NewMemberAsync("Bruno");
        using (await SubmitFormAsync(bruno, "/account", Profile("Bruno", "bruno-costa"), "main form"))
        {
        }

        var alice = await NewMemberAsync("Alice");
        foreach (var taken in new[] { "bruno-costa", "bruno" })
        {
            using var refused = await SubmitFormAsync(alice, "/account", Profile("Alice Renamed", taken), "main form");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("taken by someone else", (await ParseAsync(refused)).QuerySelector("#Input_Handle-error")!.TextContent, StringComparison.Ordinal);
        }

        var member = await DbAsync(db => db.Members.SingleAsync(m => m.Handle == "alice"));
        Assert.Equal("Alice", member.DisplayName);
    }

    [Theory]
    [InlineData("Input.TimeZone", "Mars/Olympus_Mons", "#Input_TimeZone-error", "not a time zone we know")]
    [InlineData("Input.Website", "javascript:alert(1)", "#Input_Website-error", "starts with https://")]
    [InlineData("Input.Handle", "Not A Handle!", "#Input_Handle-error", "lower-case letters")]
    [InlineData("Input.DisplayName", "", "#Input_DisplayName-error", "Choose the name")]
    public async Task A_bad_profile_value_gets_a_message_and_changes_nothing(string field, string value, string errorSelector, string message)
    {
        var alice = await NewMemberAsync("Alice");
        var form = Profile("Alice Changed", "alice-changed", "A new bio");
        form[field] = value;

        using var refused = await SubmitFormAsync(alice, "/account", form, "main form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(message, (await ParseAsync(refused)).QuerySelector(errorSelector)!.TextContent, StringComparison.Ordinal);
        var member = await DbAsync(db => db.Members.SingleAsync());
        Assert.Equal(("Alice", "alice", null), (member.DisplayName, member.Handle, member.Bio));
    }

    [Fact]
    public async Task Dates_show_in_the_members_time_zone_else_the_browsers_else_UTC()
    {
        var alice = await NewMemberAsync("Alice");
        using (await SubmitFormAsync(alice, "/account", Profile("Alice", "alice", zone: "Asia/Tokyo"), "main form"))
        {
        }

        Assert.EndsWith("Asia/Tokyo", (await GetPageAsync(alice, "/account/sessions")).QuerySelector("time")!.GetAttribute("title"), StringComparison.Ordinal);

        var bruno = await NewMemberAsync("Bruno");
        bruno.DefaultRequestHeaders.Add("Cookie", "communityhub.tz=America%2FNew_York");
        Assert.EndsWith("America/New_York", (await GetPageAsync(bruno, "/account/sessions")).QuerySelector("time")!.GetAttribute("title"), StringComparison.Ordinal);

        var chloe = await NewMemberAsync("Chloe");
        chloe.DefaultRequestHeaders.Add("Cookie", "communityhub.tz=Not%2FA_Zone");
        Assert.EndsWith("UTC", (await GetPageAsync(chloe, "/account/sessions")).QuerySelector("time")!.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_e_mail_change_waits_for_the_new_address_and_tells_the_old_one()
    {
        var alice = await NewMemberAsync("Alice");

        using var requested = await SubmitFormAsync(alice, "/account/email", new Dictionary<string, string> { ["Input.NewEmail"] = "alice.new@example.com" });
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Equal(EmailOf("Alice"), await DbAsync(db => db.Users.Select(u => u.Email).SingleAsync()));
        var confirm = await DbAsync(db => db.Emails.SingleAsync(e => e.ToAddress == "alice.new@example.com"));
        Assert.True(await DbAsync(db => db.Emails.AnyAsync(e => e.ToAddress == EmailOf("Alice") && e.Subject.Contains("asked to change your e-mail address"))));

        var link = new Uri(confirm.TextBody.Split('\n').Select(l => l.Trim()).First(l => l.Contains("/account/confirm-email-change", StringComparison.Ordinal))).PathAndQuery;
        var wrongCode = link[..(link.IndexOf("code=", StringComparison.Ordinal) + 5)] + "bm90LXRoZS1jb2Rl";
        using (var refused = await SubmitFormAsync(NewVisitor(), wrongCode, new Dictionary<string, string>()))
        {
            Assert.Contains("not valid", (await ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(EmailOf("Alice"), await DbAsync(db => db.Users.Select(u => u.Email).SingleAsync()));
        using var confirmed = await SubmitFormAsync(NewVisitor(), link, new Dictionary<string, string>());
        Assert.Contains("alice.new@example.com", (await ParseAsync(confirmed)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var account = await DbAsync(db => db.Users.SingleAsync());
        Assert.Equal(("alice.new@example.com", "alice.new@example.com", true), (account.Email, account.UserName, account.EmailConfirmed));
        Assert.True(await DbAsync(db => db.Emails.AnyAsync(e => e.ToAddress == EmailOf("Alice") && e.Subject.Contains("address was changed"))));
        using var signedIn = await SubmitFormAsync(NewVisitor(), "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = "alice.new@example.com", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task An_address_another_account_uses_is_refused()
    {
        using (await NewMemberAsync("Bruno"))
        {
        }

        var alice = await NewMemberAsync("Alice");

        using var refused = await SubmitFormAsync(alice, "/account/email", new Dictionary<string, string> { ["Input.NewEmail"] = EmailOf("Bruno").ToUpperInvariant() });

        Assert.Contains("Another account uses that address", (await ParseAsync(refused)).QuerySelector("#Input_NewEmail-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await DbAsync(db => db.Emails.AnyAsync(e => e.Purpose == "confirm-email-change")));
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing()
    {
        var alice = await NewMemberAsync("Alice");

        using var refused = await SubmitFormAsync(alice, "/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not my password", ["Input.NewPassword"] = "a brand new passphrase",
        });

        Assert.Contains("not your current password", (await ParseAsync(refused)).QuerySelector("#Input_CurrentPassword-error")!.TextContent, StringComparison.Ordinal);
        using var oldStillWorks = await SubmitFormAsync(NewVisitor(), "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = EmailOf("Alice"), ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, oldStillWorks.StatusCode);
        Assert.False(await DbAsync(db => db.AccountEvents.AnyAsync()));
    }

    [Fact]
    public async Task A_password_change_is_e_mailed_and_in_the_data_download()
    {
        var alice = await NewMemberAsync("Alice");
        using (await SubmitFormAsync(alice, "/account/password", new Dictionary<string, string> { ["Input.CurrentPassword"] = Password, ["Input.NewPassword"] = "a brand new passphrase" }))
        {
        }

        Assert.True(await DbAsync(db => db.Emails.AnyAsync(e => e.ToAddress == EmailOf("Alice") && e.Subject.Contains("Your password was changed"))));
        using var download = await alice.GetAsync("/account/data/download");
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var account = json.RootElement.GetProperty("account");
        Assert.Equal("PasswordChanged", account.GetProperty("securityEvents")[0].GetProperty("what").GetString());
        Assert.True(account.GetProperty("hasPassword").GetBoolean());
        Assert.Equal(1, account.GetProperty("sessions").GetArrayLength());
    }

    [Fact]
    public async Task A_newcomer_is_told_where_the_confirmation_went_and_can_have_it_sent_again()
    {
        var visitor = NewVisitor();
        using var registered = await SubmitFormAsync(visitor, "/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nina", ["Input.Email"] = "nina@example.com", ["Input.Password"] = Password,
        }, "main form.form");
        Assert.StartsWith("/account/welcome", registered.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var welcome = await GetPageAsync(visitor, registered.Headers.Location!.OriginalString);
        Assert.Contains("nina@example.com", welcome.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var resent = await SubmitFormAsync(visitor, "/account/welcome", new Dictionary<string, string>(), "form[action='/account/welcome/resend']");
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(2, await DbAsync(db => db.Emails.CountAsync(e => e.ToAddress == "nina@example.com" && e.Purpose == "confirm-email")));
    }
}

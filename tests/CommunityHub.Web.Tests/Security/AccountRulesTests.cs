using CommunityHub.Domain.Members;
using System.Net;
using CommunityHub.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Web.Tests.Security;

/// <summary>Password rules, lockout and e-mail confirmation, each from settings (an app with stricter ones
/// than the defaults, so the test shows the setting is read).</summary>
public sealed class AccountRulesTests(WebFixture fixture) : WebTest(fixture)
{
    private CommunityWebFactory Strict => Fixture.AppWith("strict-accounts", new Dictionary<string, string?>
    {
        ["Identity:RequireConfirmedEmail"] = "true",
        ["Identity:Password:RequiredLength"] = "12",
        ["Identity:Lockout:MaxFailedAccessAttempts"] = "2",
        ["Identity:Lockout:DefaultLockoutTimeSpan"] = "00:30:00",
    });

    [Fact]
    public async Task A_password_shorter_than_the_configured_length_is_refused_on_the_form()
    {
        const string elevenCharacters = "violet-moon";

        using var strict = await RegisterAsync(NewVisitor(Strict), "Alice", elevenCharacters);
        using var usual = await RegisterAsync(NewVisitor(), "Bruno", elevenCharacters);

        Assert.Equal(HttpStatusCode.OK, strict.StatusCode);
        Assert.Contains("12", (await ParseAsync(strict)).QuerySelector("#Input_Password-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, usual.StatusCode);
    }

    [Fact]
    public async Task After_the_configured_failures_the_account_is_locked_and_the_page_says_until_when()
    {
        using (await NewMemberAsync(NewVisitor(Strict), "Alice"))
        {
        }

        var visitor = NewVisitor(Strict);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            using var wrong = await SignInAsync(visitor, EmailOf("Alice"), "not the password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await SignInAsync(visitor, EmailOf("Alice"), Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var message = (await ParseAsync(right)).QuerySelector(".form-errors")!.TextContent;
        Assert.Contains("locked until", message, StringComparison.Ordinal);
        Assert.Contains("UTC", message, StringComparison.Ordinal);
        var lockedUntil = await DbAsync(db => db.Users.Where(u => u.Email == EmailOf("Alice")).Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task An_address_without_an_account_is_never_reported_locked()
    {
        var visitor = NewVisitor(Strict);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var response = await SignInAsync(visitor, "nobody@example.com", "not the password");
            var message = (await ParseAsync(response)).QuerySelector(".form-errors")!.TextContent;
            Assert.Contains("do not match an account", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unconfirmed_member_is_told_to_confirm_on_each_form_with_a_way_to_get_the_e_mail_again()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync(NewVisitor(Strict), "Alice");
        await ConfirmAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var opening = await DbAsync(db => db.Posts.Select(p => p.Id).SingleAsync());
        var bruno = await NewMemberAsync(NewVisitor(Strict), "Bruno");

        using var started = await SubmitFormAsync(bruno, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "Mine", ["Input.Body"] = "Text" });
        using var replied = await ReplyAsync(bruno, thread, "Me too");
        using var flagged = await SubmitFormAsync(bruno, $"/posts/{opening}/flag", new Dictionary<string, string> { ["Input.Reason"] = "Spam" });

        foreach (var refused in new[] { started, replied, flagged })
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await ParseAsync(refused);
            Assert.Contains(Standing.UnconfirmedEmailMessage, page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector(".confirm-email-hint a[href='/account/welcome']"));
        }

        Assert.Equal(1, await DbAsync(db => db.Posts.CountAsync()));
        Assert.False(await DbAsync(db => db.Flags.AnyAsync()));

        await ConfirmAsync("Bruno");
        using var afterConfirming = await ReplyAsync(bruno, thread, "Me too");
        Assert.Equal(HttpStatusCode.Redirect, afterConfirming.StatusCode);
    }

    [Fact]
    public async Task Without_the_requirement_an_unconfirmed_member_posts_at_once()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");

        await StartThreadAsync(alice);

        Assert.False(await DbAsync(db => db.Users.Where(u => u.Email == EmailOf("Alice")).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string displayName, string password) =>
        SubmitFormAsync(client, "/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = displayName,
            ["Input.Email"] = EmailOf(displayName),
            ["Input.Password"] = password,
        });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        SubmitFormAsync(client, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>As following the link in the confirmation e-mail does.</summary>
    private async Task ConfirmAsync(string displayName)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CommunityUser>>();
        var user = await users.FindByEmailAsync(EmailOf(displayName));
        Assert.True((await users.ConfirmEmailAsync(user!, await users.GenerateEmailConfirmationTokenAsync(user!))).Succeeded);
    }
}

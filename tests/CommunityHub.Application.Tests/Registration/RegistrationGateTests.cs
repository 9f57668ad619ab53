using CommunityHub.Application.Account;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Members;
using CommunityHub.Application.Registration;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Registration;

/// <summary>Who may register: the domain allow list and invite-only mode, for the registration form and for a first
/// single sign-on alike; the admins' invite links.</summary>
public sealed class RegistrationGateTests(CommunityFixture fixture) : ApplicationTest(fixture), IDisposable
{
    private const string Provider = "example-corp";

    public void Dispose()
    {
        Fixture.Configuration["Registration:InviteOnly"] = "false";
        Fixture.Configuration["Registration:AllowedEmailDomains:0"] = string.Empty;
        Fixture.Configuration[$"Authentication:Providers:{Provider}:DisplayName"] = string.Empty;
    }

    private void InviteOnly() => Fixture.Configuration["Registration:InviteOnly"] = "true";

    private void AllowOnly(string domain) => Fixture.Configuration["Registration:AllowedEmailDomains:0"] = domain;

    private void ConfigureProvider()
    {
        var settings = Fixture.Configuration;
        settings[$"Authentication:Providers:{Provider}:DisplayName"] = "Example Corp";
        settings[$"Authentication:Providers:{Provider}:Authority"] = "https://login.example.com/";
        settings[$"Authentication:Providers:{Provider}:ClientId"] = "communityhub";
    }

    private Task<Guid> RegisterAsync(string email, string? invite = null)
    {
        RunAsAnonymous();
        return SendAsync(new RegisterMember.Command { DisplayName = "Dana", Email = email, Password = "correct horse battery", InviteCode = invite });
    }

    private async Task<(Guid Id, string Code)> InviteAsync(int? uses = null, int? days = null)
    {
        await RunAsNewMemberAsync("Ada", Roles.Admin);
        var id = await SendAsync(new CreateInvite.Command { Note = "Partners", MaxUses = uses, ExpiresInDays = days });
        return (id, await QueryAsync(db => db.Invites.Where(i => i.Id == id).Select(i => i.Code).SingleAsync()));
    }

    private Task<int> AccountsAsync(string email) => QueryAsync(db => db.Users.CountAsync(u => u.Email == email));

    [Fact]
    public async Task An_address_outside_the_allowed_domains_is_refused_with_the_rule_and_no_account_is_made()
    {
        AllowOnly("customer.example");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => RegisterAsync("dana@gmail.test"));

        Assert.Contains("open to addresses at customer.example only", refused.Errors.Single().ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await AccountsAsync("dana@gmail.test"));
        Assert.NotEqual(Guid.Empty, await RegisterAsync("dana@CUSTOMER.example"));
    }

    [Fact]
    public async Task In_invite_only_mode_registering_needs_a_usable_invite_and_each_use_is_counted()
    {
        var (id, code) = await InviteAsync(uses: 1);
        InviteOnly();

        var none = await Assert.ThrowsAsync<ValidationException>(() => RegisterAsync("dana@example.com"));
        Assert.Contains("by invitation only", none.Errors.Single().ErrorMessage, StringComparison.Ordinal);
        var forged = await Assert.ThrowsAsync<ValidationException>(() => RegisterAsync("dana@example.com", "not-a-real-invite-code-x"));
        Assert.Contains("not one of ours", forged.Errors.Single().ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await AccountsAsync("dana@example.com"));

        await RegisterAsync("dana@example.com", code);
        var usedUp = await Assert.ThrowsAsync<ValidationException>(() => RegisterAsync("lee@example.com", code));
        Assert.Contains("used as many times as it allows", usedUp.Errors.Single().ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.Invites.Where(i => i.Id == id).Select(i => i.Uses).SingleAsync()));
        Assert.Equal(0, await AccountsAsync("lee@example.com"));
    }

    [Fact]
    public async Task An_expired_or_withdrawn_invite_says_so_and_lets_nobody_in()
    {
        var (expiring, expiringCode) = await InviteAsync(days: 2);
        var (withdrawn, withdrawnCode) = await InviteAsync();
        await SendAsync(new RevokeInvite.Command(withdrawn));
        InviteOnly();
        Fixture.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Contains("expired", (await SendAsync(new GetInvites.CheckQuery(expiringCode))).Refusal, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => RegisterAsync("dana@example.com", withdrawnCode));
        Assert.Contains("withdrawn", refused.Errors.Single().ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await AccountsAsync("dana@example.com"));
        Assert.NotEqual(Guid.Empty, expiring);
        var audit = await QueryAsync(db => db.ModerationLog.Select(e => e.Action).Where(a => a == ModerationAction.CreateInvite || a == ModerationAction.RevokeInvite).ToListAsync());
        Assert.Equal(3, audit.Count);
    }

    [Fact]
    public async Task Only_admins_make_list_or_withdraw_invites()
    {
        var (id, _) = await InviteAsync();
        foreach (var role in new[] { Roles.Member, Roles.Moderator, Roles.Staff, Roles.Executive })
        {
            await RunAsNewMemberAsync($"Not an admin {role}", role);
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new CreateInvite.Command()));
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new RevokeInvite.Command(id)));
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new GetInvites.Query()));
        }

        RunAsAnonymous();
        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new CreateInvite.Command()));
        Assert.Null(await QueryAsync(db => db.Invites.Where(i => i.Id == id).Select(i => i.RevokedAt).SingleAsync()));
        Assert.Equal(1, await QueryAsync(db => db.Invites.CountAsync()));
    }

    [Fact]
    public async Task A_first_single_sign_on_meets_the_same_gates_and_carries_the_invite()
    {
        ConfigureProvider();
        var (id, code) = await InviteAsync(uses: 5);
        InviteOnly();
        AllowOnly("examplecorp.test");

        RunAsAnonymous();
        var uninvited = await SendAsync(new SignInWithProvider.Command(new ProviderIdentity(Provider, "sub-1", "dana@examplecorp.test", true, "Dana", [], null)));
        Assert.Equal(SignInWithProvider.OutcomeKind.Refused, uninvited.Kind);
        Assert.Contains("by invitation only", uninvited.Message, StringComparison.Ordinal);
        var elsewhere = await SendAsync(new SignInWithProvider.Command(new ProviderIdentity(Provider, "sub-2", "lee@gmail.test", true, "Lee", [], null), code));
        Assert.Equal(SignInWithProvider.OutcomeKind.Refused, elsewhere.Kind);
        Assert.Contains("examplecorp.test", elsewhere.Message, StringComparison.Ordinal);

        var joined = await SendAsync(new SignInWithProvider.Command(new ProviderIdentity(Provider, "sub-1", "dana@examplecorp.test", true, "Dana", [], null), code));
        Assert.Equal(SignInWithProvider.OutcomeKind.Joined, joined.Kind);
        Assert.Equal(1, await QueryAsync(db => db.Invites.Where(i => i.Id == id).Select(i => i.Uses).SingleAsync()));

        // Once a member, they sign in whatever the gates say; no use of an invite is counted for it.
        var back = await SendAsync(new SignInWithProvider.Command(new ProviderIdentity(Provider, "sub-1", "dana@examplecorp.test", true, "Dana", [], null)));
        Assert.Equal(SignInWithProvider.OutcomeKind.SignedIn, back.Kind);
        Assert.Equal(1, await QueryAsync(db => db.Invites.Where(i => i.Id == id).Select(i => i.Uses).SingleAsync()));
    }
}

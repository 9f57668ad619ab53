using CommunityHub.Domain.Common;
using CommunityHub.Application.Account;
using CommunityHub.Application.Administration;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Members;
using CommunityHub.Domain.Members;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Account;

/// <summary>What a provider's answer does to the community, as the use case decides it (the protocol itself is
/// tested against a real provider in the web tests).</summary>
public sealed class SignInWithProviderTests(CommunityFixture fixture) : ApplicationTest(fixture), IDisposable
{
    private const string Provider = "example-corp";

    private void Configure(bool localPasswords = true)
    {
        var settings = Fixture.Configuration;
        settings[$"Authentication:Providers:{Provider}:DisplayName"] = "Example Corp";
        settings[$"Authentication:Providers:{Provider}:Authority"] = "https://login.example.com/";
        settings[$"Authentication:Providers:{Provider}:ClientId"] = "communityhub";
        settings[$"Authentication:Providers:{Provider}:RoleMapping:community-moderators"] = Roles.Moderator;
        settings[$"Authentication:Providers:{Provider}:RoleMapping:community-admins"] = Roles.Admin;
        settings["Authentication:LocalPasswords"] = localPasswords ? "true" : "false";
    }

    public void Dispose()
    {
        Fixture.Configuration["Authentication:LocalPasswords"] = "true";
        Fixture.Configuration[$"Authentication:Providers:{Provider}:DisplayName"] = string.Empty;
    }

    private static ProviderIdentity Who(string subject, string? email, bool verified = true, string? name = "Dana Scully", string[]? groups = null, string? organisation = null) =>
        new(Provider, subject, email, verified, name, groups ?? [], organisation);

    private Task<SignInWithProvider.Outcome> ArriveAsync(ProviderIdentity who)
    {
        RunAsAnonymous();
        return SendAsync(new SignInWithProvider.Command(who));
    }

    [Fact]
    public async Task Someone_new_joins_with_a_handle_from_their_name_and_their_organisation()
    {
        Configure();

        var outcome = await ArriveAsync(Who("sub-1", "dana@examplecorp.test", organisation: "Example Corp EMEA"));

        Assert.Equal(SignInWithProvider.OutcomeKind.Joined, outcome.Kind);
        var member = await QueryAsync(db => db.Members.SingleAsync());
        Assert.Equal(("Dana Scully", "dana-scully", "Example Corp EMEA"), (member.DisplayName, member.Handle, member.Organisation));
        Assert.Equal(AccountEventKind.JoinedWithProvider, await QueryAsync(db => db.AccountEvents.Select(e => e.Kind).SingleAsync()));
    }

    [Fact]
    public async Task A_first_sign_in_queues_one_member_registered_webhook_naming_the_provider_and_a_return_queues_none()
    {
        Configure();

        var joined = await ArriveAsync(Who("sub-1", "dana@examplecorp.test"));
        await ArriveAsync(Who("sub-1", "dana@examplecorp.test"));

        var queued = Assert.Single(await QueryAsync(db => db.WebhookEvents.Where(e => e.Type == Domain.Webhooks.WebhookEventTypes.MemberRegistered).ToListAsync()));
        using var data = System.Text.Json.JsonDocument.Parse(queued.Data);
        Assert.Equal((joined.MemberId, "Dana Scully", "dana-scully"), ((Guid?)data.RootElement.GetProperty("member").GetProperty("id").GetGuid(),
            data.RootElement.GetProperty("member").GetProperty("name").GetString(), data.RootElement.GetProperty("member").GetProperty("handle").GetString()));
        var registration = data.RootElement.GetProperty("registration");
        Assert.Equal(("single_sign_on", "Example Corp"), (registration.GetProperty("method").GetString(), registration.GetProperty("provider").GetString()));
        Assert.DoesNotContain("dana@", queued.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returning_member_is_found_by_subject_and_their_own_choices_stay()
    {
        Configure();
        var joined = await ArriveAsync(Who("sub-1", "dana@examplecorp.test"));
        RunAs(joined.MemberId!.Value);
        await SendAsync(new UpdateProfile.Command { DisplayName = "Dana", Handle = "dana" });

        var back = await ArriveAsync(Who("sub-1", "dana.new@examplecorp.test", name: "Dana K. Scully"));

        Assert.Equal((SignInWithProvider.OutcomeKind.SignedIn, joined.MemberId), (back.Kind, back.MemberId));
        var member = await QueryAsync(db => db.Members.SingleAsync());
        Assert.Equal(("Dana", "dana"), (member.DisplayName, member.Handle));
    }

    [Fact]
    public async Task The_same_address_from_another_subject_is_never_taken_for_the_member()
    {
        Configure();
        await ArriveAsync(Who("sub-1", "dana@examplecorp.test", verified: false));

        var impostor = await ArriveAsync(Who("sub-2", "dana@examplecorp.test", verified: false, name: "Not Dana"));

        Assert.Equal(SignInWithProvider.OutcomeKind.Refused, impostor.Kind);
        Assert.Equal(1, await QueryAsync(db => db.Members.CountAsync()));
        Assert.Equal(1, await QueryAsync(db => db.UserLogins.CountAsync()));
    }

    [Fact]
    public async Task A_verified_address_of_a_local_account_asks_for_its_password_and_writes_nothing()
    {
        Configure();
        await RunAsNewMemberAsync("Alice");
        var email = await QueryAsync(db => db.Users.Select(u => u.Email!).SingleAsync());

        var outcome = await ArriveAsync(Who("sub-9", email));

        Assert.Equal(SignInWithProvider.OutcomeKind.ProveLocalAccount, outcome.Kind);
        Assert.Equal(0, await QueryAsync(db => db.UserLogins.CountAsync()));
        Assert.Equal(1, await QueryAsync(db => db.Members.CountAsync()));
    }

    [Fact]
    public async Task Linking_with_a_wrong_password_is_refused_and_the_right_one_links()
    {
        Configure();
        var alice = await RunAsNewMemberAsync("Alice");
        var email = await QueryAsync(db => db.Users.Select(u => u.Email!).SingleAsync());
        RunAsAnonymous();

        await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new LinkProviderWithPassword.Command { Identity = Who("sub-9", email), Password = "wrong password" }));
        await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new LinkProviderWithPassword.Command { Identity = Who("sub-9", email, verified: false), Password = "correct horse battery" }));
        Assert.Equal(0, await QueryAsync(db => db.UserLogins.CountAsync()));

        Assert.Equal(alice, await SendAsync(new LinkProviderWithPassword.Command { Identity = Who("sub-9", email), Password = "correct horse battery" }));
        Assert.Equal(alice, (await ArriveAsync(Who("sub-9", "anything@else.test"))).MemberId);
    }

    [Fact]
    public async Task An_answer_without_an_address_or_subject_creates_nobody()
    {
        Configure();

        Assert.Equal(SignInWithProvider.OutcomeKind.Refused, (await ArriveAsync(Who("sub-1", null))).Kind);
        Assert.Equal(SignInWithProvider.OutcomeKind.Refused, (await ArriveAsync(Who(" ", "dana@examplecorp.test"))).Kind);
        Assert.Equal(0, await QueryAsync(db => db.Members.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_provider_is_not_found()
    {
        Configure();
        RunAsAnonymous();

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new SignInWithProvider.Command(Who("sub-1", "a@b.test") with { Provider = "evil-corp" })));
    }

    [Fact]
    public async Task Mapped_groups_set_roles_but_never_remove_the_last_admin()
    {
        Configure();
        var ada = await ArriveAsync(Who("sub-ada", "ada@examplecorp.test", name: "Ada", groups: ["community-admins", "community-moderators"]));
        var roles = await RolesAsync(ada.MemberId!.Value);
        Assert.Equal([Roles.Admin, Roles.Member, Roles.Moderator], roles);

        await ArriveAsync(Who("sub-ada", "ada@examplecorp.test", name: "Ada", groups: []));

        Assert.Equal([Roles.Admin, Roles.Member], await RolesAsync(ada.MemberId!.Value));
    }

    [Fact]
    public async Task The_only_linked_sign_in_is_never_removed()
    {
        Configure();
        var dana = await ArriveAsync(Who("sub-1", "dana@examplecorp.test"));
        RunAs(dana.MemberId!.Value);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new UnlinkProvider.Command { Provider = Provider }));

        Assert.Contains("only way to sign in", refused.Errors.Single().ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.UserLogins.CountAsync()));
    }

    [Fact]
    public async Task With_local_passwords_off_registration_is_refused()
    {
        Configure(localPasswords: false);
        RunAsAnonymous();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new RegisterMember.Command { DisplayName = "Eve", Email = "eve@example.com", Password = "correct horse battery" }));

        Assert.Contains(refused.Errors, e => e.ErrorMessage == LocalPasswordRefusals.Message);
        Assert.Equal(0, await QueryAsync(db => db.Members.CountAsync()));
    }

    [Fact]
    public async Task Where_two_factor_is_required_a_moderator_without_it_is_refused_moderator_work()
    {
        Configure();
        Fixture.Configuration["Authentication:RequireTwoFactorForModerators"] = "true";
        try
        {
            var bruno = await RunAsNewMemberAsync("Bruno");
            await RunAsNewMemberAsync("Ada", Roles.Admin);

            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new SetMemberRoles.Command { MemberId = bruno, Staff = true }));
        }
        finally
        {
            Fixture.Configuration["Authentication:RequireTwoFactorForModerators"] = "false";
        }
    }

    private Task<List<string>> RolesAsync(Guid memberId) => QueryAsync(db => (
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        where ur.UserId == memberId
        orderby r.Name
        select r.Name!).ToListAsync());
}

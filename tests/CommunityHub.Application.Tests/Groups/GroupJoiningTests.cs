using CommunityHub.Application.Account;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Groups;
using CommunityHub.Application.Members;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Members;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application.Tests.Groups;

/// <summary>Groups that fill themselves, on PostgreSQL: by a confirmed address at the group's domains (when the rule
/// is set, and as addresses are confirmed or changed) and by a provider's groups claim at each sign-in.</summary>
public sealed class GroupJoiningTests(CommunityFixture fixture) : ApplicationTest(fixture), IDisposable
{
    private const string Provider = "partner-sso";

    public void Dispose() => Fixture.Configuration[$"Authentication:Providers:{Provider}:DisplayName"] = string.Empty;

    private async Task<Guid> RegisterAsync(string name, string email, bool confirm)
    {
        RunAsAnonymous();
        var id = await SendAsync(new RegisterMember.Command { DisplayName = name, Email = email, Password = "correct horse battery" });
        if (confirm)
        {
            await ConfirmAsync(id);
        }

        return id;
    }

    private async Task ConfirmAsync(Guid memberId)
    {
        string code;
        await using (var scope = Fixture.Services.CreateAsyncScope())
        {
            code = await scope.ServiceProvider.GetRequiredService<IIdentityService>().EmailConfirmationCodeAsync(memberId, CancellationToken.None);
        }

        Assert.True(await SendAsync(new ConfirmEmail.Command(memberId, code)));
    }

    private async Task<int> PartnersAsync(string domains, string? signInGroup = null)
    {
        await RunAsNewMemberAsync("Ada", Roles.Admin);
        var group = await SendAsync(new CreateGroup.Command { Name = "Partners" });
        await SendAsync(new SetGroupJoining.Command { GroupId = group, EmailDomains = domains, SignInGroup = signInGroup });
        return group;
    }

    private Task<List<(Guid MemberId, GroupSource Source)>> MembersAsync(int group) =>
        QueryAsync(async db => (await db.Groups.Where(g => g.Id == group).SelectMany(g => g.Members).ToListAsync())
            .Select(m => (m.MemberId, m.Source)).ToList());

    [Fact]
    public async Task Setting_the_domains_puts_in_the_members_confirmed_there_and_confirming_later_joins_too()
    {
        var dana = await RegisterAsync("Dana", "dana@partner.test", confirm: true);
        var erik = await RegisterAsync("Erik", "erik@partner.test", confirm: false);
        await RegisterAsync("Fay", "fay@elsewhere.test", confirm: true);

        var group = await PartnersAsync("partner.test");

        Assert.Equal([(dana, GroupSource.EmailDomain)], await MembersAsync(group));
        await ConfirmAsync(erik);
        Assert.Equal([dana, erik], (await MembersAsync(group)).Select(m => m.MemberId).Order());
    }

    [Fact]
    public async Task Changing_the_domains_takes_out_who_joined_by_the_old_ones_but_not_whom_an_admin_added()
    {
        var dana = await RegisterAsync("Dana", "dana@partner.test", confirm: true);
        var erik = await RegisterAsync("Erik", "erik@partner.test", confirm: true);
        var group = await PartnersAsync("partner.test");
        var handle = await QueryAsync(db => db.Members.Where(m => m.Id == erik).Select(m => m.Handle).SingleAsync());
        await SendAsync(new ChangeGroupMembers.Command { GroupId = group, Handle = "@" + handle });

        await SendAsync(new SetGroupJoining.Command { GroupId = group, EmailDomains = "other.test" });

        Assert.Equal([(erik, GroupSource.Admin)], await MembersAsync(group));
        await SendAsync(new SetGroupJoining.Command { GroupId = group, EmailDomains = "partner.test" });
        Assert.Equal([(dana, GroupSource.EmailDomain), (erik, GroupSource.Admin)], (await MembersAsync(group)).OrderBy(m => m.MemberId == erik).ToList());
        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new ChangeGroupMembers.Command { GroupId = group, RemoveMemberId = dana }));
        Assert.Equal("Dana is in Partners by their e-mail address; change who joins by themselves to take them out.", refused.Message);
    }

    [Fact]
    public async Task A_changed_address_moves_a_member_out_of_the_old_domains_group()
    {
        var dana = await RegisterAsync("Dana", "dana@partner.test", confirm: true);
        var group = await PartnersAsync("partner.test");
        string code;
        await using (var scope = Fixture.Services.CreateAsyncScope())
        {
            code = await scope.ServiceProvider.GetRequiredService<IAccountSecurity>().EmailChangeCodeAsync(dana, "dana@elsewhere.test", CancellationToken.None);
        }

        Assert.True(await SendAsync(new ConfirmEmailChange.Command(dana, "dana@elsewhere.test", code)));

        Assert.Empty(await MembersAsync(group));
    }

    [Fact]
    public async Task A_provider_sign_in_with_the_group_in_its_claim_joins_and_one_without_it_leaves()
    {
        var settings = Fixture.Configuration;
        settings[$"Authentication:Providers:{Provider}:DisplayName"] = "Partner SSO";
        settings[$"Authentication:Providers:{Provider}:Authority"] = "https://login.partner.test/";
        settings[$"Authentication:Providers:{Provider}:ClientId"] = "communityhub";
        var group = await PartnersAsync("", signInGroup: "partners");
        RunAsAnonymous();

        var joined = await SendAsync(new SignInWithProvider.Command(new ProviderIdentity(Provider, "sub-9", "gus@anywhere.test", true, "Gus", ["staff", "partners"], null)));
        Assert.Equal([(joined.MemberId!.Value, GroupSource.SignIn)], await MembersAsync(group));

        await SendAsync(new SignInWithProvider.Command(new ProviderIdentity(Provider, "sub-9", "gus@anywhere.test", true, "Gus", ["staff"], null)));
        Assert.Empty(await MembersAsync(group));
    }

    [Fact]
    public async Task Only_an_admin_sets_who_joins_and_a_malformed_domain_is_named()
    {
        var group = await PartnersAsync("");
        await RunAsNewMemberAsync("Morgan", Roles.Moderator);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new SetGroupJoining.Command { GroupId = group, EmailDomains = "partner.test" }));
        await RunAsNewMemberAsync("Ada Two", Roles.Admin);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new SetGroupJoining.Command { GroupId = group, EmailDomains = "partner.test, not a domain!" }));

        Assert.Contains("\u201cnot\u201d is not an e-mail domain", refused.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await QueryAsync(db => db.Groups.Where(g => g.Id == group).Select(g => g.EmailDomainList).SingleAsync()));
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;
using Microsoft.Extensions.Logging;

namespace CommunityHub.Application.Account;

/// <summary>Roles that follow a provider's groups claim: at each sign-in, each role the provider's
/// <see cref="OidcProviderOptions.RoleMapping"/> can give is held exactly when one of its groups is in the claim.
/// Roles the mapping never gives are left as admins set them; the community keeps its last admin.</summary>
public sealed class ProviderRoles(IIdentityService identity, ILogger<ProviderRoles> logger)
{
    public async Task ApplyAsync(Member member, OidcProviderOptions provider, IReadOnlyList<string> groups, CancellationToken cancellationToken)
    {
        var mapped = provider.RoleMapping.Where(m => Roles.All.Contains(m.Value) && m.Value != Roles.Member).ToList();
        if (mapped.Count == 0)
        {
            return;
        }

        await identity.SerializeRoleChangesAsync(cancellationToken);
        var current = (await identity.RolesOfAsync(member.Id, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var managed = mapped.Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var granted = mapped.Where(m => groups.Contains(m.Key, StringComparer.Ordinal)).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var wanted = current.Where(r => !managed.Contains(r)).Concat(granted).ToHashSet(StringComparer.Ordinal);
        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && await identity.CountInRoleAsync(Roles.Admin, cancellationToken) <= 1)
        {
            logger.LogWarning("The provider's groups would remove the last admin, {MemberId}; the Admin role stays", member.Id);
            wanted.Add(Roles.Admin);
        }

        if (wanted.SetEquals(current) || (wanted.SetEquals(current.Append(Roles.Member)) && !current.Contains(Roles.Member)))
        {
            return;
        }

        await identity.SetRolesAsync(member.Id, wanted.Where(r => r != Roles.Member).ToList(), cancellationToken);
        var badge = wanted.Contains(Roles.Executive) ? MemberBadge.Executive : wanted.Contains(Roles.Staff) ? MemberBadge.Staff : MemberBadge.None;
        member.ShowAs(badge, member.Title);
        logger.LogInformation("Roles of {MemberId} follow the provider's groups: {Roles}", member.Id, string.Join(", ", wanted.Order(StringComparer.Ordinal)));
    }
}

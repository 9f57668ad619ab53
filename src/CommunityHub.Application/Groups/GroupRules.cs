using CommunityHub.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Groups;

/// <summary>Puts one member in or out of the groups that fill themselves, as their confirmed address and, right after
/// a sign-in with a provider, the provider's groups claim say: run when an address is confirmed or changed and at
/// every provider sign-in. Members an admin added stay whatever the rules say.</summary>
public sealed class GroupRules(ICommunityDb db, IIdentityService identity, TimeProvider clock)
{
    /// <param name="signInGroups">The provider's groups at this sign-in; null when the member did not just sign in
    /// with one (their sign-in groups are then not known, and what they gave stays).</param>
    public async Task ApplyAsync(Guid memberId, IReadOnlyCollection<string>? signInGroups, CancellationToken cancellationToken)
    {
        // Only this member's membership is loaded with each group: Follow looks at no one else.
        var groups = await db.Groups
            .Where(g => g.EmailDomainList != string.Empty || g.SignInGroup != null)
            .Include(g => g.Members.Where(m => m.MemberId == memberId))
            .ToListAsync(cancellationToken);
        if (groups.Count == 0)
        {
            return;
        }

        var account = (await identity.AccountsAsync([memberId], cancellationToken)).GetValueOrDefault(memberId);
        var confirmed = account is { EmailConfirmed: true } ? account.Email : null;
        var now = clock.GetUtcNow();
        foreach (var group in groups)
        {
            group.Follow(memberId, confirmed, signInGroups, now);
        }
    }
}

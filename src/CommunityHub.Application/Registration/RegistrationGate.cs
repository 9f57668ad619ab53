using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Registration;

/// <summary>The rules a new account meets, whichever way it is made (the registration form or a first single sign-on):
/// the e-mail domain allow list and invite-only mode. One home, so the two ways cannot drift apart.</summary>
public sealed class RegistrationGate(ICommunityDb db, IOptionsSnapshot<RegistrationOptions> options, TimeProvider clock)
{
    public bool InviteOnly => options.Value.InviteOnly;

    /// <summary>Why an account for <paramref name="email"/> may not be made, in words for the person; null when it may.</summary>
    public string? DomainRefusal(string? email)
    {
        var allowed = options.Value.AllowedDomains();
        return allowed.IsEmpty || allowed.Includes(email)
            ? null
            : $"This community is open to addresses at {allowed.Describe()} only. Register with your address there.";
    }

    /// <summary>The invite for <paramref name="code"/>, tracked (to redeem), or null when no invite has that code.</summary>
    public async Task<Invite?> FindAsync(string? code, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(code) ? null : await db.Invites.FirstOrDefaultAsync(i => i.Code == code.Trim(), cancellationToken);

    /// <summary>Why the invite code does not let anyone in (unknown, used up, expired, withdrawn), or, with no code,
    /// why one is needed; null when registering may go on.</summary>
    public async Task<string?> InviteRefusalAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return InviteOnly ? InviteNeeded : null;
        }

        var invite = await FindAsync(code, cancellationToken);
        return invite is null ? UnknownInvite : invite.Refusal(clock.GetUtcNow());
    }

    /// <summary>Counts a use of the invite (when one is given) for the account being made; refuses as
    /// <see cref="InviteRefusalAsync"/> does.</summary>
    /// <returns>Whether an invite let them in.</returns>
    public async Task<bool> RedeemAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            if (InviteOnly)
            {
                throw new Domain.Common.DomainException(InviteNeeded);
            }

            return false;
        }

        var invite = await FindAsync(code, cancellationToken) ?? throw new Domain.Common.DomainException(UnknownInvite);
        invite.Redeem(clock.GetUtcNow());
        return true;
    }

    public const string InviteNeeded = "This community is by invitation only. Open the invite link you were sent to register.";

    public const string UnknownInvite = "This invite link is not one of ours: check that you copied all of it, or ask whoever sent it for a new one.";
}

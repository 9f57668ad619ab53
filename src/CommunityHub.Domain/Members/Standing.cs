using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Members;

/// <summary>Whether a member may write right now: suspended and banned members read but do not post, and are
/// told why and until when; where the community asks for it, neither does a member whose address is unconfirmed.
/// Starting threads, replying, editing one's own posts and flagging are all writing.</summary>
public sealed record Standing(bool IsBanned, DateTimeOffset? SuspendedUntil, string? SanctionReason, bool EmailUnconfirmed)
{
    /// <summary>The refusal an unconfirmed member sees; pages recognise it to offer the confirmation e-mail again.</summary>
    public const string UnconfirmedEmailMessage =
        "Confirm your e-mail address before you post or flag: follow the link in the e-mail we sent when you joined.";

    public static Standing Good { get; } = new(false, null, null, false);

    public Decision ToWrite(DateTimeOffset now)
    {
        if (IsBanned)
        {
            return Decision.Refuse($"Your account is banned from posting. Reason: {SanctionReason?.TrimEnd('.')}. You can still read; if you think this is a mistake, write to the community's moderators.");
        }

        if (SuspendedUntil is { } until && until > now)
        {
            return Decision.Refuse($"You are suspended from posting until {Dates.Exact(until)}. Reason: {SanctionReason?.TrimEnd('.')}. You can still read in the meantime.");
        }

        return EmailUnconfirmed ? Decision.Refuse(UnconfirmedEmailMessage) : Decision.Allowed;
    }
}

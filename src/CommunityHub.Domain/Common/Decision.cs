namespace CommunityHub.Domain.Common;

/// <summary>What a rule answers: allowed, refused for a reason the person can act on, or forbidden outright.
/// Pages read <see cref="IsAllowed"/> to offer an action; the action itself <see cref="Enforce"/>s the same answer.</summary>
public readonly record struct Decision
{
    private Decision(bool forbidden, string? reason)
    {
        IsForbidden = forbidden;
        Reason = reason;
    }

    public static Decision Allowed => default;

    public bool IsAllowed => Reason is null;

    public bool IsForbidden { get; }

    public string? Reason { get; }

    /// <summary>Refused for now, for a reason the person can read: shown on the form they sent.</summary>
    public static Decision Refuse(string reason) => new(false, reason);

    /// <summary>Not theirs to do at all: what a forged form gets.</summary>
    public static Decision Forbid(string reason) => new(true, reason);

    /// <summary>Throws the decision's refusal, if any.</summary>
    public void Enforce()
    {
        if (Reason is null)
        {
            return;
        }

        throw IsForbidden ? new ForbiddenException(Reason) : new DomainException(Reason);
    }
}

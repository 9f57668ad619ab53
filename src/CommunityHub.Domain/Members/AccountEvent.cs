namespace CommunityHub.Domain.Members;

/// <summary>A change that matters for the security of a member's account. Each is e-mailed to the member and
/// listed in their data download, so that a change they did not make does not go unnoticed.</summary>
public sealed class AccountEvent
{
    public const int DetailMaxLength = 300;

    private AccountEvent(Guid memberId, AccountEventKind kind, string? detail, string? address, DateTimeOffset at)
    {
        MemberId = memberId;
        Kind = kind;
        Detail = detail;
        Address = address;
        At = at;
    }

    public long Id { get; private set; }

    public Guid MemberId { get; private set; }

    public AccountEventKind Kind { get; private set; }

    /// <summary>What changed, in words for the member ("Example Corp", the new address...).</summary>
    public string? Detail { get; private set; }

    /// <summary>The client address the change came from, when it came through a request.</summary>
    public string? Address { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static AccountEvent Record(Guid memberId, AccountEventKind kind, string? detail, string? address, DateTimeOffset at) =>
        new(memberId, kind, detail is { Length: > DetailMaxLength } ? detail[..DetailMaxLength] : detail, address is { Length: > 64 } ? address[..64] : address, at);
}

public enum AccountEventKind
{
    PasswordChanged = 1,
    PasswordAdded = 2,
    EmailChangeRequested = 3,
    EmailChanged = 4,
    TwoFactorEnabled = 5,
    TwoFactorDisabled = 6,
    RecoveryCodesRenewed = 7,
    RecoveryCodeUsed = 8,
    SignInLinked = 9,
    SignInRemoved = 10,
    SignedOutEverywhere = 11,
    SessionEnded = 12,
    JoinedWithProvider = 13,
}

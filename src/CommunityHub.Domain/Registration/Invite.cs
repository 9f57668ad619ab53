using System.Security.Cryptography;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Domain.Registration;

/// <summary>An invite link an admin makes for an invite-only community: it lets people register until it runs out
/// (a number of uses), expires, or is revoked. Its code is the secret in the link; every change lands in the audit log.</summary>
public sealed class Invite : AggregateRoot
{
    public const int NoteMaxLength = 120;
    public const int CodeLength = 24;
    public const int MaxUsesLimit = 10_000;

    private Invite(Guid id, string code, string note, Guid createdById, DateTimeOffset createdAt, DateTimeOffset? expiresAt, int? maxUses)
    {
        Id = id;
        Code = code;
        Note = note;
        CreatedById = createdById;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        MaxUses = maxUses;
    }

    public Guid Id { get; private set; }

    /// <summary>The secret part of the link: 24 URL-safe characters (144 random bits).</summary>
    public string Code { get; private set; }

    /// <summary>Whom the admin made it for ("Partners at Acme"), for the list; may be empty.</summary>
    public string Note { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>How many accounts it may make; null for no limit.</summary>
    public int? MaxUses { get; private set; }

    /// <summary>How many accounts it made. Also the optimistic concurrency token: two people taking the last use at
    /// once cannot both have it.</summary>
    public int Uses { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static Invite Create(string? note, DateTimeOffset? expiresAt, int? maxUses, Guid adminId, DateTimeOffset now)
    {
        var trimmed = note?.Trim() ?? string.Empty;
        if (trimmed.Length > NoteMaxLength)
        {
            throw new DomainException($"A note is at most {NoteMaxLength} characters.");
        }

        if (expiresAt is { } expiry && expiry <= now)
        {
            throw new DomainException("An invite's expiry must be in the future.");
        }

        if (maxUses is < 1 or > MaxUsesLimit)
        {
            throw new DomainException($"An invite can be used from 1 to {MaxUsesLimit:N0} times; leave it empty for no limit.");
        }

        var invite = new Invite(Guid.CreateVersion7(), NewCode(), trimmed, adminId, now, expiresAt, maxUses);
        invite.Record(new CommunityAdministered(adminId, ModerationAction.CreateInvite, null, null, invite.Describe(), now));
        return invite;
    }

    public InviteState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? InviteState.Withdrawn
        : ExpiresAt is { } expiry && expiry <= now ? InviteState.Expired
        : MaxUses is { } max && Uses >= max ? InviteState.UsedUp
        : InviteState.Usable;

    /// <summary>Why the link no longer lets anyone in, in words for the person holding it; null while it does.</summary>
    public string? Refusal(DateTimeOffset now) => StateAt(now) switch
    {
        InviteState.Withdrawn => "This invite link was withdrawn. Ask whoever sent it for a new one.",
        InviteState.Expired => "This invite link has expired. Ask whoever sent it for a new one.",
        InviteState.UsedUp => "This invite link has been used as many times as it allows. Ask whoever sent it for a new one.",
        _ => null,
    };

    public bool IsUsable(DateTimeOffset now) => Refusal(now) is null;

    /// <summary>Someone registers through the link.</summary>
    public void Redeem(DateTimeOffset now)
    {
        if (Refusal(now) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        Uses++;
    }

    public void Revoke(Guid adminId, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            throw new DomainException("That invite link is withdrawn already.");
        }

        RevokedAt = now;
        Record(new CommunityAdministered(adminId, ModerationAction.RevokeInvite, null, null, Describe(), now));
    }

    private string Describe() => Note.Length > 0 ? $"Invite \u201c{Note}\u201d" : $"Invite made {CreatedAt:yyyy-MM-dd HH:mm} UTC";

    private static string NewCode() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}

public enum InviteState
{
    Usable,
    Withdrawn,
    Expired,
    UsedUp,
}

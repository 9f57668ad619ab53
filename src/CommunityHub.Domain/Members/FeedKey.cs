using System.Security.Cryptography;

namespace CommunityHub.Domain.Members;

/// <summary>A member's private feed key: feed readers carry no cookie, so a feed address with this key shows what the
/// member may see (members-only and group spaces included). Making a new one revokes the old one at once.</summary>
public sealed class FeedKey
{
    public const int KeyLength = 32;

    private FeedKey(Guid memberId, string key, DateTimeOffset createdAt)
    {
        MemberId = memberId;
        Key = key;
        CreatedAt = createdAt;
    }

    public Guid MemberId { get; private set; }

    /// <summary>32 URL-safe characters (192 random bits).</summary>
    public string Key { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static FeedKey Issue(Guid memberId, DateTimeOffset now) => new(memberId, NewKey(), now);

    /// <summary>A new key in place of the old one, which stops working.</summary>
    public void Renew(DateTimeOffset now)
    {
        Key = NewKey();
        CreatedAt = now;
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}

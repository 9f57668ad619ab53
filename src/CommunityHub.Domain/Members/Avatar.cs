using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Members;

/// <summary>A member's picture: a square, stored at a few fixed sizes in the attachment
/// store. A new upload is a new avatar with a new id, so its address changes and browsers may keep each copy forever.</summary>
public sealed class Avatar
{
    /// <summary>The sizes (square, in pixels) every avatar is stored at: a post's, a profile's, the data download's.</summary>
    public static IReadOnlyList<int> Sizes { get; } = [48, 96, 192];

    /// <summary>The copy a member's data download and the community archive carry.</summary>
    public const int LargestSize = 192;

    private Avatar(Guid id, Guid memberId, string contentType, DateTimeOffset createdAt)
    {
        Id = id;
        MemberId = memberId;
        ContentType = contentType;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    /// <summary>The stored copies' type (WebP).</summary>
    public string ContentType { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Avatar Create(Guid id, Guid memberId, string contentType, DateTimeOffset now)
    {
        if (id == Guid.Empty || memberId == Guid.Empty)
        {
            throw new DomainException("An avatar needs an id and a member.");
        }

        return new Avatar(id, memberId, Guard.Text(contentType, 100, "A content type"), now);
    }

    public static bool IsSize(int size) => Sizes.Contains(size);

    public static string StorageKey(Guid id, int size) =>
        IsSize(size) ? $"avatars/{id:N}/{size}" : throw new ArgumentOutOfRangeException(nameof(size), size, "Not an avatar size.");

    public string StorageKey(int size) => StorageKey(Id, size);

    /// <summary>Every stored copy's key: what goes when the avatar is replaced or removed.</summary>
    public IReadOnlyList<string> StorageKeys => [.. Sizes.Select(StorageKey)];
}

using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Moderation;

/// <summary>One line of the audit log: who did what to which thread, post, member or space, why, and when.
/// Written once, never changed.</summary>
public sealed class ModerationEntry
{
    public const int ReasonMaxLength = 500;
    public const int DetailMaxLength = 300;

    private ModerationEntry(Guid moderatorId, ModerationAction action, DateTimeOffset at)
    {
        ModeratorId = moderatorId;
        Action = action;
        At = at;
    }

    public long Id { get; private set; }

    public Guid ModeratorId { get; private set; }

    public ModerationAction Action { get; private set; }

    public long? ThreadId { get; private set; }

    public long? PostId { get; private set; }

    /// <summary>The member acted upon: a post's author, or the member suspended, warned or given roles.</summary>
    public Guid? MemberId { get; private set; }

    public int? SpaceId { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>What changed, in words: "to Ideas", "until 30 November", "Staff (Product Manager), Moderator".</summary>
    public string? Detail { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static ModerationEntry Record(
        Guid moderatorId, ModerationAction action, DateTimeOffset at,
        long? threadId = null, long? postId = null, Guid? memberId = null, int? spaceId = null, string? reason = null, string? detail = null)
    {
        if (moderatorId == Guid.Empty)
        {
            throw new DomainException("An audit entry names who acted.");
        }

        return new ModerationEntry(moderatorId, action, at)
        {
            ThreadId = threadId,
            PostId = postId,
            MemberId = memberId,
            SpaceId = spaceId,
            Reason = Clip(reason, ReasonMaxLength),
            Detail = Clip(detail, DetailMaxLength),
        };
    }

    private static string? Clip(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > max ? t[..max] : text.Trim();
}

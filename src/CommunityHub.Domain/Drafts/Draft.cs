using CommunityHub.Domain.Common;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Domain.Drafts;

/// <summary>What a member is writing and has not posted yet: a reply to one thread, or a new thread in one space. One
/// per member and place, saved as they type, restored wherever they sign in, removed when they post or discard it.</summary>
public sealed class Draft
{
    private Draft(Guid memberId, long? threadId, int? spaceId, DateTimeOffset updatedAt)
    {
        MemberId = memberId;
        ThreadId = threadId;
        SpaceId = spaceId;
        UpdatedAt = updatedAt;
    }

    public long Id { get; private set; }

    public Guid MemberId { get; private set; }

    /// <summary>The thread a reply is for; null for a new thread.</summary>
    public long? ThreadId { get; private set; }

    /// <summary>The space a new thread is for; null for a reply.</summary>
    public int? SpaceId { get; private set; }

    /// <summary>A new thread's title so far; null for a reply.</summary>
    public string? Title { get; private set; }

    public string Body { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Draft ForReply(Guid memberId, long threadId, DateTimeOffset now) => new(memberId, threadId, null, now);

    public static Draft ForNewThread(Guid memberId, int spaceId, DateTimeOffset now) => new(memberId, null, spaceId, now);

    /// <summary>Keeps what was typed, cut to what a post may hold (a draft never grows beyond what could be posted).</summary>
    public void Write(string? title, string? body, DateTimeOffset now)
    {
        var text = body ?? string.Empty;
        if (text.Length > PostLimits.BodyMaxLength)
        {
            throw new DomainException($"A post cannot be longer than {PostLimits.BodyMaxLength} characters.");
        }

        Title = ThreadId is null ? Cut(title, PostLimits.TitleMaxLength) : null;
        Body = text;
        UpdatedAt = now;
    }

    /// <summary>Nothing worth keeping: no words in the title or the text.</summary>
    public static bool IsBlank(string? title, string? body) => string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(body);

    private static string? Cut(string? text, int max) => text is null ? null : text.Length > max ? text[..max] : text;
}

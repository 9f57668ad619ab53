using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Application.Common.Posting;

/// <summary>A member found by the handle a post @mentions.</summary>
public sealed record MentionedMember(Guid Id, string Handle);

/// <summary>Turns what someone typed into a <see cref="PostDraft"/>: the Markdown rendered once, on write, with its
/// @mentions of real members linked. The handles are looked up in the query the use case makes anyway.</summary>
public sealed class Drafts(IMarkdownRenderer markdown)
{
    /// <summary>At most this many members can be @mentioned by one post: a list longer than this is a broadcast, not address.</summary>
    public const int MaxMentions = 20;

    /// <summary>The handles <paramref name="body"/> @mentions, to look up.</summary>
    public IReadOnlyList<string> HandlesIn(string body) => [.. markdown.FindMentions(body).Take(MaxMentions)];

    public PostDraft Draft(string body, IReadOnlyCollection<MentionedMember> found, Guid submissionId)
    {
        ArgumentNullException.ThrowIfNull(found);
        var html = found.Count == 0 ? markdown.ToSafeHtml(body) : markdown.ToSafeHtml(body, found.Select(m => m.Handle).ToHashSet(StringComparer.Ordinal));
        return new PostDraft(body, html, [.. found.Select(m => m.Id)], submissionId);
    }
}

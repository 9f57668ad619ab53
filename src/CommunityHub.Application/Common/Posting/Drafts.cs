using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Application.Common.Posting;

/// <summary>A member found by the handle a post @mentions.</summary>
public sealed record MentionedMember(Guid Id, string Handle);

/// <summary>A group found by the handle a post @mentions: who may use the handle, and whether the author is in the group.</summary>
public sealed record MentionedGroup(int Id, string Handle, GroupMentions MentionableBy, bool AuthorIsIn);

/// <summary>Turns what someone typed into a <see cref="PostDraft"/>: the Markdown rendered once, on write, with its
/// @mentions of real members linked. The handles are looked up in the query the use case makes anyway.</summary>
public sealed class Drafts(IMarkdownRenderer markdown)
{
    /// <summary>At most this many members can be @mentioned by one post: a list longer than this is a broadcast, not address.</summary>
    public const int MaxMentions = 20;

    /// <summary>The handles <paramref name="body"/> @mentions, to look up.</summary>
    public IReadOnlyList<string> HandlesIn(string body) => [.. markdown.FindMentions(body).Take(MaxMentions)];

    /// <param name="groups">The groups the body's handles name (looked up with the members); of these, the ones the
    /// <paramref name="author"/> may mention (<see cref="ConversationPolicy.MayMentionGroup"/>) will tell their members.
    /// The others are no error: their handles stay plain text and tell nobody.</param>
    public PostDraft Draft(string body, IReadOnlyCollection<MentionedMember> found, Guid submissionId, Viewer? author = null, IReadOnlyCollection<MentionedGroup>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(found);
        var html = found.Count == 0 ? markdown.ToSafeHtml(body) : markdown.ToSafeHtml(body, found.Select(m => m.Handle).ToHashSet(StringComparer.Ordinal));
        List<int> told = author is null ? [] : [.. (groups ?? []).Where(g => ConversationPolicy.MayMentionGroup(author, g.MentionableBy, g.AuthorIsIn)).Select(g => g.Id)];
        return new PostDraft(body, html, [.. found.Select(m => m.Id)], submissionId, told);
    }
}

using CommunityHub.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>A post's Markdown rendered once, on write, with its @mentions of real members linked.</summary>
public sealed record RenderedBody(string Html, IReadOnlyList<Guid> MentionedMemberIds);

public static class PostBody
{
    /// <summary>At most this many members can be @mentioned by one post: a list longer than this is a broadcast, not address.</summary>
    public const int MaxMentions = 20;

    public static async Task<RenderedBody> RenderAsync(ICommunityDb db, IMarkdownRenderer markdown, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(markdown);
        var handles = markdown.FindMentions(body).Take(MaxMentions).ToList();
        if (handles.Count == 0)
        {
            return new RenderedBody(markdown.ToSafeHtml(body), []);
        }

        var members = await db.Members.AsNoTracking().Where(m => handles.Contains(m.Handle)).Select(m => new { m.Id, m.Handle }).ToListAsync(cancellationToken);
        return new RenderedBody(
            markdown.ToSafeHtml(body, members.Select(m => m.Handle).ToHashSet(StringComparer.Ordinal)),
            [.. members.Select(m => m.Id)]);
    }
}

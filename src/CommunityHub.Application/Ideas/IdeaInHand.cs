using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ideas;

/// <summary>An idea about to change, under its thread's row lock (every writer to a thread takes that lock first,
/// so two votes or a vote and a merge never interleave): the thread as the viewer may see it, and its idea row,
/// made if the thread was never an idea before (a space turned into an Ideas space later).</summary>
internal sealed record IdeaInHand(long ThreadId, string Title, int SpaceId, string SpaceSlug, Idea Idea)
{
    public static async Task<IdeaInHand> LoadAsync(ICommunityDb db, IKeys keys, Viewer viewer, long threadId, CancellationToken cancellationToken)
    {
        if (!await keys.LockThreadAsync(threadId, cancellationToken))
        {
            throw new NotFoundException("Thread", threadId);
        }

        var thread = await db.Threads.AsNoTracking()
            .Where(t => t.Id == threadId)
            .Where(ConversationPolicy.ThreadOpenTo(viewer))
            .Select(t => new { t.Id, t.Title, t.AuthorId, t.SpaceId, t.Space!.Slug, t.Space.IsIdeas })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Thread", threadId);
        if (!thread.IsIdeas)
        {
            throw new DomainException("Only threads of an Ideas space are ideas.");
        }

        var idea = await db.Ideas.FindAsync([threadId], cancellationToken);
        if (idea is null)
        {
            idea = Idea.Of(thread.Id, thread.AuthorId);
            db.Ideas.Add(idea);
        }

        return new IdeaInHand(thread.Id, thread.Title, thread.SpaceId, thread.Slug, idea);
    }
}

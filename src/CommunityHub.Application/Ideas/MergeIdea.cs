using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ideas;

/// <summary>A moderator merges a duplicate idea into its original in the same space: the votes move (nobody counted
/// twice), the duplicate is closed and points to the original.</summary>
public static class MergeIdea
{
    [Authorize]
    public sealed class Command : ICommand<Result>
    {
        public long ThreadId { get; set; }

        public long IntoThreadId { get; set; }
    }

    public sealed record Result(string SpaceSlug, long ThreadId);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IKeys keys, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            if (!viewer.Moderates)
            {
                // Before any lock or row is made: a forged form changes nothing.
                throw new ForbiddenException("Only moderators merge ideas.");
            }

            if (request.ThreadId == request.IntoThreadId)
            {
                throw new DomainException("An idea cannot be merged into itself.");
            }

            // Both threads' locks, lower id first (every writer does), so two merges never deadlock.
            var first = Math.Min(request.ThreadId, request.IntoThreadId);
            var second = Math.Max(request.ThreadId, request.IntoThreadId);
            var a = await IdeaInHand.LoadAsync(db, keys, viewer, first, cancellationToken);
            var b = await IdeaInHand.LoadAsync(db, keys, viewer, second, cancellationToken);
            var (duplicate, original) = a.ThreadId == request.ThreadId ? (a, b) : (b, a);

            var votes = await db.IdeaVotes.Where(v => v.ThreadId == duplicate.ThreadId && v.WithdrawnAt == null).ToListAsync(cancellationToken);
            var voters = votes.Select(v => v.MemberId).ToList();
            var originalVoters = (await db.IdeaVotes.AsNoTracking()
                    .Where(v => v.ThreadId == original.ThreadId && v.WithdrawnAt == null && voters.Contains(v.MemberId))
                    .Select(v => v.MemberId)
                    .ToListAsync(cancellationToken))
                .ToHashSet();
            var now = clock.GetUtcNow();
            var moved = duplicate.Idea.MergeInto(original.Idea, viewer, duplicate.SpaceId, original.SpaceId, votes, originalVoters, now);
            db.IdeaVotes.AddRange(moved);

            var thread = await db.Threads.FirstAsync(t => t.Id == duplicate.ThreadId, cancellationToken);
            if (!thread.IsClosed)
            {
                thread.Close(viewer, $"Merged into \u201c{original.Title}\u201d", now);
            }

            return new Result(duplicate.SpaceSlug, duplicate.ThreadId);
        }
    }
}

using CommunityHub.Domain.Threads;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Maintenance;

/// <summary>Rebuilds every denormalised counter (reply counts, thread counts, latest activity) from the
/// posts themselves. Used after bulk loads such as the demo seed, and to repair drift.</summary>
public static class RecountCounters
{
    public sealed record Command : ICommand<Result>;

    /// <summary>How many rows were out of step before the recount.</summary>
    public sealed record Result(int ThreadsCorrected, int SpacesCorrected)
    {
        /// <summary>Ideas whose stored vote count differed from their standing (not withdrawn) votes.</summary>
        public int IdeasCorrected { get; init; }
    }

    public sealed class Handler(ICommunityDb db) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            // Staff notes are invisible to members, so they move no counter a member can see.
            var posts = db.Posts.Where(ConversationPolicy.InTheConversation<Post>());
            var replies = posts.Where(p => !p.IsOpeningPost);
            var threadsCorrected = await db.Threads
                .Where(t => t.ReplyCount != replies.Count(p => p.ThreadId == t.Id)
                    || t.LastActivityAt != posts.Where(p => p.ThreadId == t.Id).Max(p => p.CreatedAt))
                .ExecuteUpdateAsync(
                    t => t.SetProperty(x => x.ReplyCount, x => replies.Count(p => p.ThreadId == x.Id))
                          .SetProperty(x => x.LastActivityAt, x => posts.Where(p => p.ThreadId == x.Id).Max(p => p.CreatedAt))
                          .SetProperty(x => x.LastPosterId, x => posts.Where(p => p.ThreadId == x.Id)
                              .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Select(p => p.AuthorId).First()),
                    cancellationToken);

            // The "top" order's count: the active records of help on the thread's posts.
            var active = db.ReciprocityRecords.Where(r => r.RetractedAt == null);
            threadsCorrected += await db.Threads
                .Where(t => t.Appreciation != active.Count(r => r.ThreadId == t.Id))
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.Appreciation, x => active.Count(r => r.ThreadId == x.Id)), cancellationToken);

            var spacesCorrected = await db.Spaces
                .Where(s => s.ThreadCount != db.Threads.Count(t => t.SpaceId == s.Id)
                    || s.LastActivityAt != db.Threads.Where(t => t.SpaceId == s.Id).Max(t => (DateTimeOffset?)t.LastActivityAt))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(x => x.ThreadCount, x => db.Threads.Count(t => t.SpaceId == x.Id))
                          .SetProperty(x => x.LastActivityAt, x => db.Threads.Where(t => t.SpaceId == x.Id).Max(t => (DateTimeOffset?)t.LastActivityAt))
                          .SetProperty(x => x.LastActiveThreadId, x => db.Threads.Where(t => t.SpaceId == x.Id)
                              .OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id).Select(t => (long?)t.Id).FirstOrDefault()),
                    cancellationToken);

            // An idea's count is its standing votes (a merged duplicate's were withdrawn when they moved).
            var standing = db.IdeaVotes.Where(v => v.WithdrawnAt == null);
            var ideasCorrected = await db.Ideas
                .Where(i => i.VoteCount != standing.Count(v => v.ThreadId == i.ThreadId))
                .ExecuteUpdateAsync(i => i.SetProperty(x => x.VoteCount, x => standing.Count(v => v.ThreadId == x.ThreadId)), cancellationToken);

            return new Result(threadsCorrected, spacesCorrected) { IdeasCorrected = ideasCorrected };
        }
    }
}

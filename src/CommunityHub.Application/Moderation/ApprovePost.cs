using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Moderation;

/// <summary>A moderator publishes a post that waited for approval, with the time it was written. Under the thread's
/// lock (as a reply is written), what the thread held before the post is read, so that the reply is placed in the
/// conversation as it would have been; then the thread records the events its writing would have recorded, and their
/// subscribers (notifications, watching, ties, the space's counters) run now, not when it was posted.</summary>
public static class ApprovePost
{
    [Authorize(Powers.Moderate)]
    public sealed class Command : ICommand<Result>
    {
        public long PostId { get; set; }
    }

    public sealed record Result(long PostId, long ThreadId, string SpaceSlug);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IKeys keys, IOptions<TieOptions> ties, TimeProvider clock)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var moderator = currentUser.Viewer();
            // Who wrote it and who started its thread never change: read with the thread's id, they let every subquery
            // under the lock name them as values (see ReplyToThread: an index scan each, not the thread sorted).
            var read = await db.Posts.Where(p => p.Id == request.PostId)
                    .Select(p => new { p.ThreadId, p.AuthorId, Starter = db.Threads.Where(t => t.Id == p.ThreadId).Select(t => t.AuthorId).First() })
                    .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Post", request.PostId);
            var (threadId, authorId, starter) = (read.ThreadId, read.AuthorId, read.Starter);
            if (!await keys.LockThreadAsync(threadId, cancellationToken))
            {
                throw new NotFoundException("Post", request.PostId);
            }

            var postId = request.PostId;
            var participantsToRead = ties.Value.SharedThreadMaxParticipants + 1;
            var before = db.Posts.Where(ConversationPolicy.InTheConversation<Post>()).Where(p => p.ThreadId == threadId && p.Id < postId);
            var found = await (
                    from p in db.Posts.Include(p => p.Mentions)
                    join t in db.Threads on p.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    where p.Id == postId
                    select new
                    {
                        Post = p,
                        Thread = t,
                        s.Slug,
                        s.Name,
                        AuthorName = db.Members.Where(m => m.Id == authorId).Select(m => m.DisplayName).First(),
                        Parent = before.Where(x => x.Id == p.InReplyToPostId).Select(x => new EarlierPost(x.AuthorId, x.AddressedToId)).FirstOrDefault(),
                        LatestByAnother = before.Where(x => x.AuthorId != authorId).OrderByDescending(x => x.Id)
                            .Select(x => new EarlierPost(x.AuthorId, x.AddressedToId)).FirstOrDefault(),
                        LatestByStarter = before.Where(x => x.AuthorId == starter).OrderByDescending(x => x.Id)
                            .Select(x => new EarlierPost(x.AuthorId, x.AddressedToId)).FirstOrDefault(),
                        Participants = db.ThreadParticipants.Where(x => x.ThreadId == threadId && x.FirstPostId < postId).OrderBy(x => x.FirstPostId)
                            .Select(x => x.MemberId).Take(participantsToRead).ToList(),
                        TookPart = db.ThreadParticipants.Any(x => x.ThreadId == threadId && x.MemberId == authorId),
                        Follows = db.ThreadWatches.Any(w => w.ThreadId == threadId && w.MemberId == authorId),
                    })
                .AsSingleQuery()
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Post", request.PostId);

            if (found.Post.IsOpeningPost)
            {
                // Starting the thread watches it and marks it read for its author, as of its opening post: what the
                // author did on their waiting thread meanwhile (a visit's read mark) gives way to that.
                var (author, thread) = (found.Post.AuthorId, found.Thread.Id);
                await db.ThreadReadMarks.Where(r => r.MemberId == author && r.ThreadId == thread).ExecuteDeleteAsync(cancellationToken);
                await db.ThreadWatches.Where(w => w.MemberId == author && w.ThreadId == thread).ExecuteDeleteAsync(cancellationToken);
            }

            found.Thread.Approve(
                found.Post,
                moderator,
                new ThreadSoFar(found.Parent, found.LatestByAnother, found.LatestByStarter, found.Participants, found.TookPart, found.Follows),
                new PostPlace(found.Thread.SpaceId, found.Slug, found.Name, found.AuthorName),
                clock.GetUtcNow());
            return new Result(found.Post.Id, found.Thread.Id, found.Slug);
        }
    }
}

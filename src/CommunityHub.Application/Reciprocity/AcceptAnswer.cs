using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Reciprocity;

/// <summary>The thread's starter (or a moderator, for them) marks the reply that answered the question,
/// changes it, or clears it. The answer's author helped the starter: a reciprocity record.</summary>
public static class AcceptAnswer
{
    [Authorize]
    public sealed class Command : ICommand<AcknowledgementResult>
    {
        public long ThreadId { get; set; }

        /// <summary>The reply to accept; null clears the accepted answer.</summary>
        public long? PostId { get; set; }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, AcknowledgementResult>
    {
        public async Task<AcknowledgementResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var by = currentUser.Viewer();
            var postId = request.PostId;
            var readable = db.Posts.Where(ConversationPolicy.OnThreadPage<Post>(by));
            var found = await (
                    from t in db.Threads
                    join s in db.Spaces on t.SpaceId equals s.Id
                    where t.Id == request.ThreadId
                    select new
                    {
                        Thread = t,
                        s.Slug,
                        Current = db.ReciprocityRecords.FirstOrDefault(r => r.ThreadId == t.Id && r.Kind == ReciprocityKind.AcceptedAnswer && r.RetractedAt == null),
                        Reply = readable.FirstOrDefault(p => p.Id == postId),
                    })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);
            var now = clock.GetUtcNow();
            if (postId is null)
            {
                found.Thread.ClearAnswer(by, found.Current, now);
                return new AcknowledgementResult(found.Thread.Id, found.Slug, found.Current?.PostId ?? 0);
            }

            var reply = found.Reply ?? throw new NotFoundException("Post", postId);
            if (found.Thread.AcceptAnswer(reply, by, found.Current, now) is { } record)
            {
                db.ReciprocityRecords.Add(record);
            }

            return new AcknowledgementResult(found.Thread.Id, found.Slug, reply.Id);
        }
    }
}

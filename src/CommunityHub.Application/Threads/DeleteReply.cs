using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>An author takes back one of their replies. Soft: the reply stays in place as "removed" so the replies
/// to it keep their context, and it drops out of search, feeds, notifications and digests. Only the author may;
/// an opening post cannot be deleted this way (it carries the thread).</summary>
public static class DeleteReply
{
    public const string OpeningPostRefusal = "An opening post can't be deleted: it carries the whole thread. Edit it instead, or ask a moderator.";

    [Authorize]
    public sealed record Command(long ThreadId, long PostId) : ICommand<Unit>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == request.PostId && p.ThreadId == request.ThreadId, cancellationToken)
                ?? throw new NotFoundException("Post", request.PostId);
            if (post.AuthorId != currentUser.MemberId)
            {
                throw new ForbiddenException("You can only delete your own replies.");
            }

            if (post.IsOpeningPost)
            {
                throw new ValidationException([new ValidationFailure(string.Empty, OpeningPostRefusal)]);
            }

            post.DeleteByAuthor(currentUser.MemberId.Value, clock.GetUtcNow());
            // A removed reply is nobody's answer any more: the thread stops pointing at it (the asker may accept another).
            await db.Threads
                .Where(t => t.Id == post.ThreadId && (t.OfficialAnswerPostId == post.Id || t.AcceptedAnswerPostId == post.Id))
                .ExecuteUpdateAsync(
                    t => t.SetProperty(x => x.OfficialAnswerPostId, x => x.OfficialAnswerPostId == post.Id ? null : x.OfficialAnswerPostId)
                          .SetProperty(x => x.AcceptedAnswerPostId, x => x.AcceptedAnswerPostId == post.Id ? null : x.AcceptedAnswerPostId),
                    cancellationToken);
            return Unit.Value;
        }
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Moderation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

/// <summary>A moderator shows a hidden reply again.</summary>
public static class RestorePost
{
    [Authorize(Roles = RoleSets.Moderators)]
    public sealed record Command(long PostId) : ICommand<HidePost.Result>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, HidePost.Result>
    {
        public async Task<HidePost.Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == request.PostId, cancellationToken)
                ?? throw new NotFoundException("Post", request.PostId);
            if (post.HiddenAt is null)
            {
                throw PostingRights.Refusal("The post is not hidden.");
            }

            post.Restore();
            await db.SavePostChangeAsync(cancellationToken);
            await mediator.Publish(
                new PostModerated(currentUser.MemberId!.Value, post.Id, post.ThreadId, post.AuthorId, ModerationAction.RestorePost, null, clock.GetUtcNow()),
                cancellationToken);
            return new HidePost.Result(post.Id, post.ThreadId);
        }
    }
}

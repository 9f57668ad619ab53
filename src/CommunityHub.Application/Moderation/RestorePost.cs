using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Persistence;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;

namespace CommunityHub.Application.Moderation;

/// <summary>A moderator shows a hidden reply again.</summary>
public static class RestorePost
{
    [Authorize(Powers.Moderate)]
    public sealed record Command(long PostId) : ICommand<HidePost.Result>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, HidePost.Result>
    {
        public async Task<HidePost.Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var found = await PostInThread.FindAsync(db, request.PostId, cancellationToken);
            found.Thread.Restore(found.Post, currentUser.Viewer(), clock.GetUtcNow());
            return new HidePost.Result(found.Post.Id, found.Thread.Id, found.SpaceSlug);
        }
    }
}

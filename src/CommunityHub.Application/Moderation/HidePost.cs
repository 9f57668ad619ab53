using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Persistence;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Members;
using FluentValidation;
using MediatR;

namespace CommunityHub.Application.Moderation;

/// <summary>A moderator hides a reply with a reason its author sees; members see a placeholder. The open flags on
/// the post are settled by it (see <see cref="SettleFlags"/>).</summary>
public static class HidePost
{
    [Authorize(Powers.Moderate)]
    public sealed class Command : ICommand<Result>
    {
        public long PostId { get; set; }

        public string Reason { get; set; } = string.Empty;
    }

    /// <summary>Where the post stands, for the page to go back to.</summary>
    public sealed record Result(long PostId, long ThreadId, string SpaceSlug);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).ValidModerationReason();
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var found = await PostInThread.FindAsync(db, request.PostId, cancellationToken);
            found.Thread.Hide(found.Post, currentUser.Viewer(), request.Reason, clock.GetUtcNow());
            return new Result(found.Post.Id, found.Thread.Id, found.SpaceSlug);
        }
    }
}

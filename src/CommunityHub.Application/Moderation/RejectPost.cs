using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Persistence;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Members;
using FluentValidation;
using MediatR;

namespace CommunityHub.Application.Moderation;

/// <summary>A moderator turns down a post that waited for approval, with a reason its author is told (a
/// notification); the post is never published, and nothing its writing would have caused happens.</summary>
public static class RejectPost
{
    [Authorize(Powers.Moderate)]
    public sealed class Command : ICommand<Result>
    {
        public long PostId { get; set; }

        public string Reason { get; set; } = string.Empty;
    }

    public sealed record Result(long PostId, long ThreadId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).ValidModerationReason();
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var found = await PostInThread.FindAsync(db, request.PostId, cancellationToken);
            found.Thread.Reject(found.Post, currentUser.Viewer(), request.Reason.Trim(), clock.GetUtcNow());
            return new Result(found.Post.Id, found.Thread.Id);
        }
    }
}

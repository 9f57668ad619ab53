using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Moderation;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

/// <summary>Any member flags a post they can see for the moderators, with a reason; once per post.</summary>
public static class FlagPost
{
    [Authorize]
    public sealed class Command : ICommand<Result>
    {
        public long PostId { get; set; }

        public string Reason { get; set; } = string.Empty;
    }

    public sealed record Result(long FlagId, long ThreadId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason)
                .Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage("Tell the moderators what is wrong with the post.")
                .StorableText()
                .Must(reason => reason.Trim().Length <= Flag.ReasonMaxLength).WithMessage($"A reason can be at most {Flag.ReasonMaxLength} characters.");
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock, PostingRights rights) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var reporterId = currentUser.MemberId!.Value;
            var viewer = Viewer.Of(currentUser);
            var post = await db.Posts.Where(p => p.Id == request.PostId && p.DeletedAt == null && (viewer.SeesStaffNotes || !p.IsStaffNote))
                .Select(p => new { p.Id, p.ThreadId, p.AuthorId, p.HiddenAt })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Post", request.PostId);
            if (post.AuthorId == reporterId)
            {
                throw PostingRights.Refusal("You cannot flag your own post; you can edit it instead.");
            }

            if (post.HiddenAt is not null)
            {
                throw PostingRights.Refusal("A moderator has hidden this post already.");
            }

            if (await db.Flags.AnyAsync(f => f.PostId == post.Id && f.ReporterId == reporterId, cancellationToken))
            {
                throw PostingRights.Refusal("You have flagged this post already; the moderators will look at it.");
            }

            // Flagging is writing too: the same rights as posting (a throwaway account must not flood the queue).
            await rights.EnsureMayPostAsync(reporterId, clock.GetUtcNow(), cancellationToken);
            var flag = Flag.Raise(post.Id, reporterId, request.Reason, clock.GetUtcNow());
            db.Flags.Add(flag);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(flag.Id, post.ThreadId);
        }
    }
}

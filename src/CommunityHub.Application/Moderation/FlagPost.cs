using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Persistence;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Moderation;
using FluentValidation;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Trust;
using Microsoft.Extensions.Options;
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

    /// <summary>Where the flagged post stands, for the page to go back to.</summary>
    public sealed record Result(long PostId, long ThreadId, string SpaceSlug);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason)
                .Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage("Tell the moderators what is wrong with the post.")
                .StorableText()
                .Must(reason => reason.Trim().Length <= Flag.ReasonMaxLength).WithMessage($"A reason can be at most {Flag.ReasonMaxLength} characters.");
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, Writers writers, IOptionsSnapshot<TrustOptions> trust, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var reporter = currentUser.Viewer();
            var me = reporter.MemberId!.Value;
            var writerRows = writers.Rows;
            var post = await db.Posts.AsNoTracking()
                .Where(ConversationPolicy.Actionable<Post>(reporter))
                .Where(p => p.Id == request.PostId)
                .Select(p => new
                {
                    p.ThreadId,
                    SpaceSlug = db.Threads.Where(t => t.Id == p.ThreadId).Join(db.Spaces, t => t.SpaceId, sp => sp.Id, (t, sp) => sp.Slug).First(),
                    State = new PostSnapshot(p.AuthorId, p.IsOpeningPost, p.IsStaffNote, p.HiddenAt, p.DeletedAt, p.AwaitingApproval),
                    AlreadyFlagged = db.Flags.Any(f => f.PostId == p.Id && f.ReporterId == me),
                    Writer = writerRows.FirstOrDefault(w => w.MemberId == me),
                })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Post", request.PostId);
            var now = clock.GetUtcNow();
            ConversationPolicy.Flag(reporter, post.State, post.Writer?.Standing ?? throw new NotFoundException("Member", me), now).Enforce();
            if (post.AlreadyFlagged)
            {
                throw new DomainException("You have flagged this post already; the moderators will look at it.");
            }

            db.Flags.Add(Flag.Raise(request.PostId, me, request.Reason, now));
            // A Leader's flag hides a reply at once; the flag stays open for a moderator to uphold or restore.
            if (!post.State.IsOpeningPost && TrustRules.Of(post.Writer.TrustRecord, trust.Value, now).Level == TrustLevel.Leader)
            {
                var found = await PostInThread.FindAsync(db, request.PostId, cancellationToken);
                found.Thread.HideOnLeadersFlag(found.Post, me, request.Reason.Trim(), now);
            }

            return new Result(request.PostId, post.ThreadId, post.SpaceSlug);
        }
    }
}

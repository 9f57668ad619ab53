using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Threads;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

/// <summary>A moderator hides a reply with a reason its author sees; members see a placeholder. Open flags
/// on the post are settled by it.</summary>
public static class HidePost
{
    [Authorize(Roles = RoleSets.Moderators)]
    public sealed class Command : ICommand<Result>
    {
        public long PostId { get; set; }

        public string Reason { get; set; } = string.Empty;
    }

    public sealed record Result(long PostId, long ThreadId);

    /// <summary>The hide form's view of the post: for moderators only, like the action.</summary>
    [Authorize(Roles = RoleSets.Moderators)]
    public sealed record Query(long PostId) : IRequest<GetPostHistory.History>;

    public sealed class QueryHandler(IMediator mediator) : IRequestHandler<Query, GetPostHistory.History>
    {
        public Task<GetPostHistory.History> Handle(Query request, CancellationToken cancellationToken) =>
            mediator.Send(new GetPostHistory.Query(request.PostId), cancellationToken);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).ValidModerationReason();
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken) =>
            await Hiding.HideAsync(db, currentUser.MemberId!.Value, request.PostId, request.Reason, FlagResolution.PostHidden, clock.GetUtcNow(), mediator, cancellationToken);
    }
}

internal static class Hiding
{
    public static async Task<HidePost.Result> HideAsync(
        ICommunityDb db, Guid moderatorId, long postId, string reason, FlagResolution settles, DateTimeOffset now, IMediator mediator, CancellationToken cancellationToken)
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId, cancellationToken)
            ?? throw new NotFoundException("Post", postId);
        if (post.IsOpeningPost)
        {
            throw PostingRights.Refusal("An opening post cannot be hidden: lock or close the thread instead.");
        }

        if (post.HiddenAt is not null)
        {
            throw PostingRights.Refusal("The post is hidden already.");
        }

        post.Hide(reason, now);
        // A hidden reply cannot stay the company's official answer.
        await db.Threads.Where(t => t.Id == post.ThreadId && t.OfficialAnswerPostId == post.Id)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.OfficialAnswerPostId, (long?)null), cancellationToken);
        await Flags.SettleAsync(db, post.Id, moderatorId, settles, now, cancellationToken);
        await db.SavePostChangeAsync(cancellationToken);
        await mediator.Publish(new PostModerated(moderatorId, post.Id, post.ThreadId, post.AuthorId, ModerationAction.HidePost, post.HiddenReason, now), cancellationToken);
        return new HidePost.Result(post.Id, post.ThreadId);
    }
}

internal static class ModerationRules
{
    public static IRuleBuilderOptions<T, string> ValidModerationReason<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage("Give a reason: the member will read it.")
            .Must(reason => reason.Trim().Length <= PostLimits.ModerationReasonMaxLength)
            .WithMessage($"A reason can be at most {PostLimits.ModerationReasonMaxLength} characters.")
            .StorableText();
}

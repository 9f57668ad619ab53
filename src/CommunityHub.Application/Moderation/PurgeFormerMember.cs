using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

/// <summary>An admin removes what a former member wrote. As Discourse does when a user is deleted with their
/// posts, the posts are soft-deleted in place rather than torn out: each reply becomes the "removed" placeholder
/// (so the replies to it keep their context, and the counters, which count placeholders as a deleted reply does,
/// stay right), its text, edit history and mentions are erased; a thread they started keeps others' replies (their
/// words are theirs) but loses its title and opening text. Help records and ties stay: they are the others'
/// history too. Logged in the audit log.</summary>
public static class PurgeFormerMember
{
    public const string RemovedThreadTitle = "Removed thread";

    public const string RemovedOpeningPostHtml = "<p><em>This post was removed: its author deleted their account.</em></p>";

    [Authorize(Roles = Roles.Admin)]
    public sealed record Command(Guid MemberId) : ICommand<Result>;

    public sealed record Result(int Posts, int Threads);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var adminId = currentUser.MemberId ?? throw new NotSignedInException();
            var member = await db.Members.AsNoTracking().Where(m => m.Id == request.MemberId).Select(m => new { m.FormerAt }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Member", request.MemberId);
            if (member.FormerAt is null)
            {
                throw new ValidationException([new ValidationFailure(string.Empty,
                    "Only a former member's posts can be purged. A member who still has an account can be suspended or banned, and their posts hidden one by one.")]);
            }

            var now = clock.GetUtcNow();
            var theirs = db.Posts.Where(p => p.AuthorId == request.MemberId);
            await db.PostRevisions.Where(r => theirs.Any(p => p.Id == r.PostId)).ExecuteDeleteAsync(cancellationToken);
            await db.PostMentions.Where(m => theirs.Any(p => p.Id == m.PostId)).ExecuteDeleteAsync(cancellationToken);
            // A removed post is nobody's answer any more, as when its author deletes it.
            await db.Threads
                .Where(t => theirs.Any(p => p.Id == t.AcceptedAnswerPostId) || theirs.Any(p => p.Id == t.OfficialAnswerPostId))
                .ExecuteUpdateAsync(
                    t => t.SetProperty(x => x.AcceptedAnswerPostId, x => theirs.Any(p => p.Id == x.AcceptedAnswerPostId) ? null : x.AcceptedAnswerPostId)
                          .SetProperty(x => x.OfficialAnswerPostId, x => theirs.Any(p => p.Id == x.OfficialAnswerPostId) ? null : x.OfficialAnswerPostId),
                    cancellationToken);
            var threads = await db.Threads.Where(t => t.AuthorId == request.MemberId)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.Title, RemovedThreadTitle), cancellationToken);
            var posts = await theirs.ExecuteUpdateAsync(
                p => p.SetProperty(x => x.Body, string.Empty)
                      .SetProperty(x => x.BodyHtml, x => x.IsOpeningPost ? RemovedOpeningPostHtml : string.Empty)
                      .SetProperty(x => x.HiddenReason, (string?)null)
                      .SetProperty(x => x.DeletedAt, x => x.DeletedAt ?? now),
                cancellationToken);

            await mediator.Publish(
                new MemberModerated(adminId, request.MemberId, ModerationAction.PurgeMember, null, null,
                    $"{posts} posts removed, {threads} of them opening a thread", null, now),
                cancellationToken);
            return new Result(posts, threads);
        }
    }
}

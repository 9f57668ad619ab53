using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

/// <summary>An admin removes what a former member wrote. As Discourse does when a user is deleted with their
/// posts, the posts are soft-deleted in place rather than torn out: each reply becomes the "removed" placeholder
/// (so the replies to it keep their context, and the counters, which count placeholders as a deleted reply does,
/// stay right), its text, edit history, mentions and attached files are erased; a thread they started keeps others' replies (their
/// words are theirs) but loses its title and opening text. Help records and ties stay: they are the others'
/// history too. Logged in the audit log.</summary>
public static class PurgeFormerMember
{
    public const string RemovedThreadTitle = "Removed thread";

    public const string RemovedOpeningPostHtml = "<p><em>This post was removed: its author deleted their account.</em></p>";

    [Authorize(Powers.Administer)]
    public sealed record Command(Guid MemberId) : ICommand<Result>;

    public sealed record Result(int Posts, int Threads);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock, Attachments.IAttachmentStore files) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var member = await db.Members.FirstOrDefaultAsync(m => m.Id == request.MemberId, cancellationToken)
                ?? throw new NotFoundException("Member", request.MemberId);
            var admin = currentUser.Viewer();
            member.MayBePurgedBy(admin).Enforce();

            var now = clock.GetUtcNow();
            var theirs = db.Posts.Where(p => p.AuthorId == request.MemberId);
            await db.PostRevisions.Where(r => theirs.Any(p => p.Id == r.PostId)).ExecuteDeleteAsync(cancellationToken);
            await db.PostMentions.Where(m => theirs.Any(p => p.Id == m.PostId)).ExecuteDeleteAsync(cancellationToken);
            // Their files: those on their posts and any upload of theirs still pending.
            var attached = await db.Attachments.Where(a => a.OwnerId == request.MemberId || theirs.Any(p => p.Id == a.PostId)).ToListAsync(cancellationToken);
            if (attached.Count > 0)
            {
                await files.DeleteAsync([.. attached.SelectMany(a => a.StorageKeys)], cancellationToken);
                db.Attachments.RemoveRange(attached);
            }

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

            member.Purged(admin, $"{posts} posts removed, {threads} of them opening a thread", now);
            return new Result(posts, threads);
        }
    }
}

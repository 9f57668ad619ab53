using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Trust;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Moderation;

/// <summary>The posts waiting for approval, oldest first, each with why it waits (the level's rule, the filter's and
/// the spam scorer's reasons) and its author's trust level: the moderation queue beside the flags.</summary>
public static class GetPendingPosts
{
    public const int PageSize = 50;

    [Authorize(Powers.Moderate)]
    public sealed record Query : IRequest<PendingPosts>;

    public sealed record PendingPosts(int Count, IReadOnlyList<PendingPost> Posts);

    public sealed record PendingPost(
        long PostId,
        string Excerpt,
        bool ExcerptIsPartial,
        DateTimeOffset CreatedAt,
        bool IsOpeningPost,
        string? Reasons,
        Guid AuthorId,
        string AuthorName,
        string AuthorTrust,
        long ThreadId,
        string ThreadTitle,
        string SpaceSlug);

    public const int ExcerptLength = 600;

    public sealed class Handler(ICommunityDb db, Writers writers, IOptionsSnapshot<TrustOptions> trust, TimeProvider clock) : IRequestHandler<Query, PendingPosts>
    {
        public async Task<PendingPosts> Handle(Query request, CancellationToken cancellationToken)
        {
            var waiting = db.Posts.AsNoTracking().Where(p => p.AwaitingApproval && p.DeletedAt == null);
            var writerRows = writers.Rows;
            var rows = await (
                    from p in waiting
                    join author in db.Members on p.AuthorId equals author.Id
                    join t in db.Threads on p.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    orderby p.CreatedAt, p.Id
                    select new
                    {
                        p.Id,
                        Excerpt = p.Body.Substring(0, ExcerptLength),
                        Partial = p.Body.Length > ExcerptLength,
                        p.CreatedAt,
                        p.IsOpeningPost,
                        p.ApprovalNote,
                        AuthorId = author.Id,
                        author.DisplayName,
                        Trust = writerRows.Where(w => w.MemberId == author.Id).Select(w => w.TrustRecord).First(),
                        ThreadId = t.Id,
                        t.Title,
                        s.Slug,
                    })
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            var total = rows.Count < PageSize ? rows.Count : await waiting.CountAsync(cancellationToken);
            var now = clock.GetUtcNow();
            return new PendingPosts(total, [.. rows.Select(r => new PendingPost(
                r.Id, r.Excerpt, r.Partial, r.CreatedAt, r.IsOpeningPost, r.ApprovalNote, r.AuthorId, r.DisplayName,
                trust.Value.NameOf(TrustRules.Of(r.Trust, trust.Value, now).Level), r.ThreadId, r.Title, r.Slug))]);
        }
    }
}

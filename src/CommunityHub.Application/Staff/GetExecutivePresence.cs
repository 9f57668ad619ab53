using CommunityHub.Domain.Threads;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Staff;

/// <summary>Which executives took part recently (in one space, or anywhere): each with their latest public
/// post's thread. Members see that the company's leaders are present, not just its logo.</summary>
public static class GetExecutivePresence
{
    public const int Days = 30;

    /// <summary>Enough recent executive posts to find the few executives behind them, in one bounded statement.</summary>
    private const int RecentPosts = 50;

    public sealed record Query(int? SpaceId = null) : IRequest<IReadOnlyList<Executive>>;

    public sealed record Executive(Guid MemberId, string Name, string? Title, DateTimeOffset LastPostedAt, long ThreadId, string ThreadTitle, string SpaceSlug);

    public sealed class Handler(ICommunityDb db, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Executive>>
    {
        public async Task<IReadOnlyList<Executive>> Handle(Query request, CancellationToken cancellationToken)
        {
            var since = clock.GetUtcNow().AddDays(-Days);
            var recent = await (
                    from p in db.Posts.AsNoTracking().Where(ConversationPolicy.Listed<Post>(Viewer.Anonymous))
                    join m in db.Members on p.AuthorId equals m.Id
                    join t in db.Threads on p.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    where m.Badge == MemberBadge.Executive && p.CreatedAt >= since
                        && (request.SpaceId == null || t.SpaceId == request.SpaceId)
                    orderby p.CreatedAt descending
                    select new Executive(m.Id, m.DisplayName, m.Title, p.CreatedAt, t.Id, t.Title, s.Slug))
                .Take(RecentPosts)
                .ToListAsync(cancellationToken);
            return [.. recent.GroupBy(e => e.MemberId).Select(g => g.First()).Take(5)];
        }
    }
}

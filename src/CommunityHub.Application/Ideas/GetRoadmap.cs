using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ideas;

/// <summary>The public roadmap: the ideas the company has answered, grouped by status (under review, planned, in
/// progress, shipped, declined), most votes first — only from spaces the viewer may enter. New ideas are the
/// Ideas spaces' own lists.</summary>
public static class GetRoadmap
{
    public const int PerStatus = 30;

    public static readonly IReadOnlyList<IdeaStatus> Columns = [IdeaStatus.UnderReview, IdeaStatus.Planned, IdeaStatus.InProgress, IdeaStatus.Shipped, IdeaStatus.Declined];

    public sealed record Query : IRequest<Roadmap>;

    public sealed record Roadmap(IReadOnlyList<StatusGroup> Groups);

    public sealed record StatusGroup(IdeaStatus Status, IReadOnlyList<RoadmapIdea> Ideas);

    public sealed record RoadmapIdea(long ThreadId, string Title, string SpaceSlug, string SpaceName, int Votes, IdeaStatus Status, DateTimeOffset? ChangedAt);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, Roadmap>
    {
        public async Task<Roadmap> Handle(Query request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var columns = Columns.ToList();
            // One statement: each status's top ideas (the ideas(status, vote_count) index), of open threads only.
            var ideas = await (
                    from i in db.Ideas.AsNoTracking()
                    where columns.Contains(i.Status) && i.MergedIntoThreadId == null
                    join t in db.Threads.Where(ConversationPolicy.ThreadOpenTo(viewer)) on i.ThreadId equals t.Id
                    where t.Space!.IsIdeas
                    orderby i.VoteCount descending, i.ThreadId descending
                    select new RoadmapIdea(t.Id, t.Title, t.Space!.Slug, t.Space.Name, i.VoteCount, i.Status, i.StatusChangedAt))
                .Take(PerStatus * Columns.Count * 4)
                .ToListAsync(cancellationToken);
            return new Roadmap([.. Columns.Select(s => new StatusGroup(s, [.. ideas.Where(i => i.Status == s).Take(PerStatus)]))]);
        }
    }
}

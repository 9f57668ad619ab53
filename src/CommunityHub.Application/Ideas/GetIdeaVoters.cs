using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ideas;

/// <summary>Who voted for an idea (on request: its own page), earliest first, a keyset page at a time.</summary>
public static class GetIdeaVoters
{
    public const int PageSize = 100;

    /// <param name="After">Voters after this position (1-based count of those shown before).</param>
    public sealed record Query(long ThreadId, int After = 0) : IRequest<VotersPage>;

    public sealed record VotersPage(long ThreadId, string Title, string SpaceSlug, string SpaceName, int Votes, IReadOnlyList<Voter> Voters, int? NextAfter);

    public sealed record Voter(string Name, string Handle, DateTimeOffset VotedAt);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, VotersPage>
    {
        public async Task<VotersPage> Handle(Query request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var skip = Math.Max(0, request.After);
            var page = await db.Threads.AsNoTracking()
                .Where(ConversationPolicy.ThreadOpenTo(viewer))
                .Where(t => t.Id == request.ThreadId && t.Space!.IsIdeas)
                .Select(t => new
                {
                    t.Id,
                    t.Title,
                    t.Space!.Slug,
                    t.Space.Name,
                    Votes = db.Ideas.Where(i => i.ThreadId == t.Id).Select(i => i.VoteCount).FirstOrDefault(),
                    Voters = (from v in db.IdeaVotes
                              where v.ThreadId == t.Id && v.WithdrawnAt == null
                              join m in db.Members on v.MemberId equals m.Id
                              orderby v.CastAt, m.Id
                              select new Voter(m.DisplayName, m.Handle, v.CastAt)).Skip(skip).Take(PageSize + 1).ToList(),
                })
                .AsSingleQuery()
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Idea", request.ThreadId);
            var voters = page.Voters;
            int? next = null;
            if (voters.Count > PageSize)
            {
                voters.RemoveAt(PageSize);
                next = skip + PageSize;
            }

            return new VotersPage(page.Id, page.Title, page.Slug, page.Name, page.Votes, voters, next);
        }
    }
}

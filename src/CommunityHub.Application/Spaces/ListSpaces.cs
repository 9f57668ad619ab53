using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using CommunityHub.Application.Common.Abstractions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Spaces;

/// <summary>The home page: every space with its purpose, how many threads it holds and where it was last active.</summary>
public static class ListSpaces
{
    public sealed record Query : IRequest<IReadOnlyList<SpaceSummary>>;

    public sealed record SpaceSummary(
        int Id,
        string Name,
        string Slug,
        string Purpose,
        int ThreadCount,
        DateTimeOffset? LastActivityAt,
        long? LastThreadId,
        string? LastThreadTitle,
        string? LastPosterName,
        IReadOnlyList<string>? PrivateTo = null);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, IReadOnlyList<SpaceSummary>>
    {
        public async Task<IReadOnlyList<SpaceSummary>> Handle(Query request, CancellationToken cancellationToken)
        {
            var spaces = await (
                from s in db.Spaces.AsNoTracking().Where(ConversationPolicy.SpaceOpenTo(currentUser.Viewer()))
                join t in db.Threads on s.LastActiveThreadId equals (long?)t.Id into lastThreads
                from t in lastThreads.DefaultIfEmpty()
                join m in db.Members on t.LastPosterId equals m.Id into lastPosters
                from m in lastPosters.DefaultIfEmpty()
                orderby s.Position, s.Name
                select new
                {
                    Summary = new SpaceSummary(s.Id, s.Name, s.Slug, s.Purpose, s.ThreadCount, s.LastActivityAt, t.Id, t.Title, m.DisplayName,
                        s.Access.OrderBy(a => a.Group!.Name).Select(a => a.Group!.Name).ToList()),
                    s.MembersOnly,
                })
            .ToListAsync(cancellationToken);
            // A members-only space says so where a group-restricted one names its groups.
            return [.. spaces.Select(s => s.MembersOnly ? s.Summary with { PrivateTo = [Domain.Spaces.Space.MembersLabel] } : s.Summary)];
        }
    }
}

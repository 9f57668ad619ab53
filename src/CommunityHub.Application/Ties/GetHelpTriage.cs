using CommunityHub.Domain.Common;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ties;

/// <summary>"Unanswered, and who could help": the open threads nobody has answered, newest first, each with the
/// members most likely to help (<see cref="HelpSuggestions"/>) and who was asked already and whether they answered;
/// and what the community's own asks say about weak against strong ties. Staff side only.</summary>
public static class GetHelpTriage
{
    public const int ThreadsShown = 20;
    public const int SuggestionsShown = 3;

    [Authorize]
    public sealed record Query : IRequest<Triage>;

    public sealed record Triage(IReadOnlyList<OpenThread> Threads, HelpSuggestions.TieTermMeasure Measure);

    public sealed record OpenThread(long Id, string Title, string SpaceSlug, string SpaceName, string StarterHandle, string StarterName, DateTimeOffset StartedAt, IReadOnlyList<HelpSuggestions.Suggestion> Suggestions, IReadOnlyList<Ask> Asked);

    public sealed record Ask(string Handle, string DisplayName, DateTimeOffset At, bool StrongTie, DateTimeOffset? AnsweredAt);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IHelpCandidateSearch search, TieScorer scorer, TimeProvider clock) : IRequestHandler<Query, Triage>
    {
        public async Task<Triage> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!TieVisibility.SeesTiesForStaffPurposes(currentUser.Viewer()))
            {
                throw new ForbiddenException("The triage page is for the company's people.");
            }

            var now = clock.GetUtcNow();
            var measure = await HelpSuggestions.MeasureAsync(db, cancellationToken);
            var threads = await (
                    from t in db.Threads.AsNoTracking()
                    where t.ReplyCount == 0 && !t.IsClosed && !t.IsLocked
                    join s in db.Spaces on t.SpaceId equals s.Id
                    join m in db.Members on t.AuthorId equals m.Id
                    orderby t.CreatedAt descending, t.Id descending
                    select new { t.Id, t.Title, s.Slug, SpaceName = s.Name, m.Handle, m.DisplayName, t.AuthorId, t.CreatedAt })
                .Take(ThreadsShown)
                .ToListAsync(cancellationToken);
            var ids = threads.Select(t => t.Id).ToList();
            var replies = HelpSuggestions.Replies(db);
            var asks = (await (
                    from a in db.HelpAsks.AsNoTracking()
                    where ids.Contains(a.ThreadId)
                    join m in db.Members on a.AskedId equals m.Id
                    orderby a.AskedAt
                    select new
                    {
                        a.ThreadId,
                        m.Handle,
                        m.DisplayName,
                        a.AskedAt,
                        a.StrongTie,
                        AnsweredAt = replies.Where(p => p.ThreadId == a.ThreadId && p.AuthorId == a.AskedId && p.CreatedAt >= a.AskedAt).Min(p => (DateTimeOffset?)p.CreatedAt),
                    })
                .ToListAsync(cancellationToken))
                .ToLookup(a => a.ThreadId, a => new Ask(a.Handle, a.DisplayName, a.AskedAt, a.StrongTie, a.AnsweredAt));

            var open = new List<OpenThread>();
            foreach (var t in threads)
            {
                var suggestions = await HelpSuggestions.ForThreadAsync(db, search, scorer, t.Id, t.AuthorId, measure.InUse, SuggestionsShown, now, cancellationToken);
                open.Add(new OpenThread(t.Id, t.Title, t.Slug, t.SpaceName, t.Handle, t.DisplayName, t.CreatedAt, suggestions, [.. asks[t.Id]]));
            }

            return new Triage(open, measure);
        }
    }
}

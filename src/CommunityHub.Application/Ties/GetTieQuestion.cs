using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Ties;

/// <summary>The one question a member may be asked now about one of their ties ("How well do you know Bruno
/// Costa?"), or none: only when the community asks (<c>Ties:RatingQuestions</c>), the member has not switched it
/// off, was not asked in the last week (or the set interval, never shorter), joined more than a day ago (never on a
/// first visit), and has a tie they interacted in directly and have not rated.</summary>
public static class GetTieQuestion
{
    /// <summary>The question rotates among the member's strongest unrated ties, so ratings cover the range.</summary>
    public const int Candidates = 20;

    public sealed record Query : IRequest<Question?>;

    public sealed record Question(string Handle, string DisplayName, IReadOnlyList<string> Scale);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IOptions<TieCalibrationOptions> options, TimeProvider clock) : IRequestHandler<Query, Question?>
    {
        public async Task<Question?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (currentUser.MemberId is not { } me || !options.Value.RatingQuestions)
            {
                return null;
            }

            var now = clock.GetUtcNow();
            var dueBefore = now - options.Value.QuestionInterval;
            var firstVisitUntil = now.AddDays(-1);
            var due = await db.Members.AsNoTracking()
                .Where(m => m.Id == me && m.JoinedAt <= firstVisitUntil)
                .Select(m => db.TiePreferences.Where(p => p.MemberId == me).Select(p => new { p.AnswersTieQuestions, p.LastTieQuestionAt }).FirstOrDefault())
                .ToListAsync(cancellationToken);
            if (due.Count == 0 || (due[0] is { } p && (!p.AnswersTieQuestions || p.LastTieQuestionAt > dueBefore)))
            {
                return null;
            }

            var candidates = await (
                    from t in db.Ties.AsNoTracking()
                    where (t.MemberLowId == me || t.MemberHighId == me) && t.HasDirect
                    let other = t.MemberLowId == me ? t.MemberHighId : t.MemberLowId
                    where !db.TieRatings.Any(r => r.RaterId == me && r.RatedId == other)
                    join m in db.Members on other equals m.Id
                    where m.FormerAt == null
                    orderby t.StrengthAtUpdate descending, m.Id
                    select new { m.Handle, m.DisplayName })
                .Take(Candidates)
                .ToListAsync(cancellationToken);
            if (candidates.Count == 0)
            {
                return null;
            }

            // The same question all week (the page may be opened many times), another the next.
            var week = ContactWeeks.WeekOf(now);
            var pick = candidates[(int)((uint)HashCode.Combine(me, week) % (uint)candidates.Count)];
            return new Question(pick.Handle, pick.DisplayName, TieRating.Scale);
        }
    }
}

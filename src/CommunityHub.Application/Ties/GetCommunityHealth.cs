using CommunityHub.Domain.Threads;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ties;

/// <summary>Community health (the staff page): how far the community has come from transactions to community, and who
/// holds it together. Reads every tie once and scores it now (a staff page, not a hot path: at a million
/// pairs this takes seconds; see the benchmark).</summary>
public static class GetCommunityHealth
{
    public static readonly TimeSpan ActiveWindow = TimeSpan.FromDays(90);
    public static readonly TimeSpan ReciprocationWindow = TimeSpan.FromDays(90);
    public const int Weeks = 12;

    [Authorize(Powers.StaffSide)]
    public sealed record Query : IRequest<Health>;

    public sealed record Health(
        DateTimeOffset At,
        int Members,
        int Customers,
        IReadOnlyList<StageShare> Ladder,
        int StrongTies,
        int WeakTies,
        int Judged,
        int Returned,
        double? ReciprocationRate,
        int ActiveCustomers,
        int ActiveCustomersTiedToCompany,
        int Threads,
        int UnansweredThreads,
        int SolvedThreads,
        TimeSpan? MedianTimeToFirstResponse,
        int FirstResponses,
        int FirstResponsesByCompany,
        double DailyActive,
        int MonthlyActive,
        IReadOnlyList<int> StrengthHistogram,
        IReadOnlyList<WeekActivity> Trend,
        IReadOnlyList<MemberLine> TopHelpers,
        IReadOnlyList<MemberLine> Isolated,
        FirstAnswers Asked,
        FirstAnswers NotAsked)
    {
        public double? StrongToWeak => WeakTies == 0 ? null : (double)StrongTies / WeakTies;

        public double? CompanyCoverage => ActiveCustomers == 0 ? null : (double)ActiveCustomersTiedToCompany / ActiveCustomers;

        public double? ResolutionRate => Threads == 0 ? null : (double)SolvedThreads / Threads;

        public double? Stickiness => MonthlyActive == 0 ? null : DailyActive / MonthlyActive;
    }

    public sealed record StageShare(LadderStage Stage, int Members, double Share);

    /// <summary>Time to first answer of threads where someone was asked for help ("Ask for help" on the triage
    /// page) and of those where nobody was: how many were answered, and the median wait.</summary>
    public sealed record FirstAnswers(int Threads, int Answered, TimeSpan? MedianWait);

    public sealed record WeekActivity(DateOnly Starts, int Posts, int Help);

    /// <param name="Badge">"Staff" or "Executive" for the company's people, else null.</param>
    public sealed record MemberLine(string DisplayName, string Handle, string? Badge, int Count)
    {
        /// <summary>Their picture; null shows their initial.</summary>
        public Guid? AvatarId { get; init; }
    }

    public sealed class Handler(ICommunityDb db, IIdentityService identity, TieScorer scorer, TimeProvider clock) : IRequestHandler<Query, Health>
    {
        public async Task<Health> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            // What members wrote: staff notes are the company's people talking among themselves.
            var conversation = db.Posts.AsNoTracking().Where(ConversationPolicy.InTheConversation<Post>());
            var members = await db.Members.AsNoTracking().Select(m => new { m.Id, m.DisplayName, m.Handle, AvatarId = m.IsBanned ? null : m.AvatarId }).ToDictionaryAsync(m => m.Id, cancellationToken);
            var company = await identity.MembersInRolesAsync([Roles.Executive, Roles.Staff, Roles.Admin], cancellationToken);
            string? BadgeOf(Guid id) => company.TryGetValue(id, out var role) && role != Roles.Admin ? role : null;
            var customers = members.Keys.Where(id => !company.ContainsKey(id)).ToHashSet();

            // Every tie, scored now; each member's mean, and their strong ties against it.
            var ties = new List<(Guid Low, Guid High, double Strength, bool Direct)>();
            await foreach (var tie in db.Ties.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                ties.Add((tie.MemberLowId, tie.MemberHighId, scorer.Score(tie.ToState(), now).Strength, tie.HasDirect));
            }

            var byMember = ties.SelectMany(t => new[] { (Member: t.Low, Other: t.High, t.Strength, t.Direct), (Member: t.High, Other: t.Low, t.Strength, t.Direct) })
                .GroupBy(t => t.Member)
                .ToDictionary(g => g.Key, g => g.ToList());
            // Each member's strong ties, judged among their own (one sort per member).
            var strongOf = byMember.ToDictionary(
                e => e.Key,
                e =>
                {
                    var flags = scorer.StrongFlags([.. e.Value.Select(t => t.Strength)]);
                    return e.Value.Where((_, i) => flags[i]).Select(t => t.Other).ToHashSet();
                });
            bool StrongFor(Guid member, Guid other) => strongOf.TryGetValue(member, out var strong) && strong.Contains(other);
            var strongPairs = ties.Count(t => StrongFor(t.Low, t.High) || StrongFor(t.High, t.Low));

            var help = await db.ReciprocityRecords.AsNoTracking()
                .Where(r => r.RetractedAt == null && (r.Kind == ReciprocityKind.Helped || r.Kind == ReciprocityKind.AcceptedAnswer))
                .Select(r => new HelpGiven(r.ToMemberId, r.FromMemberId, r.CreatedAt))
                .ToListAsync(cancellationToken);
            var helpers = help.Select(h => h.Helper).ToHashSet();
            var helped = help.Select(h => h.Helped).ToHashSet();

            // Exchanged replies: each of the two answered the other at least once.
            var exchanged = (await (
                    from p in db.Posts
                    join q in db.Posts on new { Author = p.AddressedToId, Addressee = (Guid?)p.AuthorId } equals new { Author = (Guid?)q.AuthorId, Addressee = q.AddressedToId }
                    select p.AuthorId)
                .Distinct()
                .ToListAsync(cancellationToken)).ToHashSet();

            var stages = customers.Select(id => CommunityLadder.StageOf(new LadderFacts(
                    exchanged.Contains(id),
                    byMember.TryGetValue(id, out var own) ? own.Count(t => StrongFor(id, t.Other)) : 0,
                    helpers.Contains(id),
                    helped.Contains(id))))
                .ToList();
            var ladder = Enum.GetValues<LadderStage>()
                .Select(stage => new StageShare(stage, stages.Count(s => s == stage), stages.Count == 0 ? 0 : (double)stages.Count(s => s == stage) / stages.Count))
                .ToList();
            var (judged, returned, rate) = Reciprocation.Rate(help, ReciprocationWindow, now);

            var activeSince = now - ActiveWindow;
            var activeCustomers = (await conversation.Where(p => p.CreatedAt >= activeSince).Select(p => p.AuthorId).Distinct().ToListAsync(cancellationToken))
                .Where(customers.Contains)
                .ToHashSet();
            var tiedToCompany = activeCustomers.Count(id => byMember.TryGetValue(id, out var own) && own.Exists(t => t.Direct && BadgeOf(t.Other) is not null));
            var postCounts = await conversation.Where(p => p.CreatedAt >= activeSince)
                .GroupBy(p => p.AuthorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var isolated = activeCustomers
                .Where(id => !byMember.TryGetValue(id, out var own) || !own.Exists(t => t.Direct))
                .Select(id => new MemberLine(members[id].DisplayName, members[id].Handle, null, postCounts.GetValueOrDefault(id)) { AvatarId = members[id].AvatarId })
                .OrderByDescending(m => m.Count).ThenBy(m => m.DisplayName, StringComparer.Ordinal)
                .Take(20)
                .ToList();
            var topHelpers = help.Where(h => h.At >= activeSince)
                .GroupBy(h => h.Helper)
                .Select(g => new MemberLine(members[g.Key].DisplayName, members[g.Key].Handle, BadgeOf(g.Key), g.Count()) { AvatarId = members[g.Key].AvatarId })
                .OrderByDescending(m => m.Count).ThenBy(m => m.DisplayName, StringComparer.Ordinal)
                .Take(10)
                .ToList();

            var threads = await db.Threads.AsNoTracking()
                .GroupBy(_ => 1)
                .Select(g => new { Total = g.Count(), Unanswered = g.Count(t => t.ReplyCount == 0), Solved = g.Count(t => t.AcceptedAnswerPostId != null) })
                .FirstOrDefaultAsync(cancellationToken);
            var firstReplies = await (
                    from t in db.Threads
                    let first = conversation.Where(p => p.ThreadId == t.Id && !p.IsOpeningPost && p.AuthorId != t.AuthorId).OrderBy(p => p.Id).Select(p => new { p.CreatedAt, p.AuthorId }).FirstOrDefault()
                    where first != null
                    select new { t.CreatedAt, First = first.CreatedAt, first.AuthorId })
                .ToListAsync(cancellationToken);
            var waits = firstReplies.Select(f => f.First - f.CreatedAt).Order().ToList();

            // Asked versus not asked: over the threads started in the trend's weeks.
            var askedThreads = (await db.HelpAsks.AsNoTracking().Select(a => a.ThreadId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
            var recentThreads = await (
                    from t in db.Threads.AsNoTracking()
                    where t.CreatedAt >= now.AddDays(-7 * Weeks)
                    let first = conversation.Where(p => p.ThreadId == t.Id && !p.IsOpeningPost && p.AuthorId != t.AuthorId).Min(p => (DateTimeOffset?)p.CreatedAt)
                    select new { t.Id, t.CreatedAt, First = first })
                .ToListAsync(cancellationToken);
            FirstAnswers AnswersOf(bool asked)
            {
                var these = recentThreads.Where(t => askedThreads.Contains(t.Id) == asked).ToList();
                var answered = these.Where(t => t.First is not null).Select(t => t.First!.Value - t.CreatedAt).Order().ToList();
                return new FirstAnswers(these.Count, answered.Count, answered.Count == 0 ? null : answered[answered.Count / 2]);
            }

            var monthAgo = now.AddDays(-30);
            var recentPosters = await conversation.Where(p => p.CreatedAt >= monthAgo)
                .Select(p => new { p.AuthorId, p.CreatedAt }).ToListAsync(cancellationToken);
            var dailyActive = recentPosters.Select(p => (p.AuthorId, Day: (int)((now - p.CreatedAt).TotalDays))).Distinct().Count() / 30.0;

            var trendStart = now.AddDays(-7 * Weeks);
            var weeklyPosts = ByWeek(await conversation.Where(p => p.CreatedAt >= trendStart).Select(p => p.CreatedAt).ToListAsync(cancellationToken));
            var weeklyHelp = ByWeek(help.Where(h => h.At >= trendStart).Select(h => h.At));
            int[] ByWeek(IEnumerable<DateTimeOffset> times)
            {
                var counts = new int[Weeks];
                foreach (var at in times)
                {
                    var week = (int)((at - trendStart).TotalDays / 7);
                    counts[Math.Clamp(week, 0, Weeks - 1)]++;
                }

                return counts;
            }

            var histogram = new int[10];
            foreach (var t in ties)
            {
                histogram[Math.Min(9, (int)(t.Strength * 10))]++;
            }

            return new Health(
                now,
                members.Count,
                customers.Count,
                ladder,
                strongPairs,
                ties.Count - strongPairs,
                judged,
                returned,
                rate,
                activeCustomers.Count,
                tiedToCompany,
                threads?.Total ?? 0,
                threads?.Unanswered ?? 0,
                threads?.Solved ?? 0,
                waits.Count == 0 ? null : waits[waits.Count / 2],
                firstReplies.Count,
                firstReplies.Count(f => BadgeOf(f.AuthorId) is not null),
                dailyActive,
                recentPosters.Select(p => p.AuthorId).Distinct().Count(),
                histogram,
                [.. Enumerable.Range(0, Weeks).Select(w => new WeekActivity(DateOnly.FromDateTime(trendStart.AddDays(7 * w).UtcDateTime), weeklyPosts[w], weeklyHelp[w]))],
                topHelpers,
                isolated,
                AnswersOf(asked: true),
                AnswersOf(asked: false));
        }
    }
}

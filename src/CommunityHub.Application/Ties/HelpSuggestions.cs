using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Ties;
using CommunityHub.Domain.Ties.Routing;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ties;

/// <summary>Who could help with a thread, ranked (<see cref="HelpRouting"/>): shared by the triage page and the ask.</summary>
public static class HelpSuggestions
{
    public static readonly TimeSpan AvailableWithin = TimeSpan.FromDays(14);

    /// <summary>Asks answered in each bucket before the measurement chooses the tie term.</summary>
    public const int AsksToJudge = 10;

    public sealed record Suggestion(Guid MemberId, string Handle, string DisplayName, HelpCandidate Facts, bool StrongTie, double Score);

    /// <summary>What the community's own asks say about weak and strong ties: how many asks in each, how many were
    /// answered by the one asked, and the tie term that follows (none until both have <see cref="AsksToJudge"/>).</summary>
    public sealed record TieTermMeasure(int WeakAsks, int WeakAnswered, int StrongAsks, int StrongAnswered, TieTerm InUse)
    {
        public double? WeakRate => WeakAsks == 0 ? null : (double)WeakAnswered / WeakAsks;

        public double? StrongRate => StrongAsks == 0 ? null : (double)StrongAnswered / StrongAsks;
    }

    /// <summary>The replies that can answer an ask: replies in the conversation (a staff note answers nobody). An ask is
    /// answered by the asked member's first one in its thread after the ask.</summary>
    internal static IQueryable<Post> Replies(ICommunityDb db) =>
        db.Posts.AsNoTracking().Where(ConversationPolicy.InTheConversation<Post>()).Where(p => !p.IsOpeningPost);

    public static async Task<TieTermMeasure> MeasureAsync(ICommunityDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var replies = Replies(db);
        var asks = await (
                from a in db.HelpAsks.AsNoTracking()
                select new
                {
                    a.StrongTie,
                    Answered = replies.Any(p => p.ThreadId == a.ThreadId && p.AuthorId == a.AskedId && p.CreatedAt >= a.AskedAt),
                })
            .ToListAsync(cancellationToken);
        var (weak, weakAnswered) = (asks.Count(a => !a.StrongTie), asks.Count(a => !a.StrongTie && a.Answered));
        var (strong, strongAnswered) = (asks.Count(a => a.StrongTie), asks.Count(a => a.StrongTie && a.Answered));
        var term = weak < AsksToJudge || strong < AsksToJudge ? TieTerm.None
            : (double)strongAnswered / strong > (double)weakAnswered / weak ? TieTerm.Strong
            : (double)weakAnswered / weak > (double)strongAnswered / strong ? TieTerm.Weak
            : TieTerm.None;
        return new TieTermMeasure(weak, weakAnswered, strong, strongAnswered, term);
    }

    /// <summary>The best <paramref name="count"/> of those who could help with the thread, never its starter, never
    /// someone who opted out of being asked, never someone already asked about it.</summary>
    public static async Task<IReadOnlyList<Suggestion>> ForThreadAsync(
        ICommunityDb db, IHelpCandidateSearch search, TieScorer scorer, long threadId, Guid starter, TieTerm term, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(scorer);
        var history = await search.CandidatesAsync(threadId, 30, cancellationToken);
        if (history.Count == 0)
        {
            return [];
        }

        var ids = history.Select(h => h.MemberId).ToList();
        var excluded = (await db.TiePreferences.AsNoTracking().Where(p => ids.Contains(p.MemberId) && !p.MayBeAskedForHelp).Select(p => p.MemberId).ToListAsync(cancellationToken))
            .Concat(await db.HelpAsks.AsNoTracking().Where(a => a.ThreadId == threadId).Select(a => a.AskedId).ToListAsync(cancellationToken))
            .ToHashSet();
        var since = now - AvailableWithin;
        var active = (await db.Posts.AsNoTracking().Where(p => ids.Contains(p.AuthorId) && p.CreatedAt >= since).Select(p => p.AuthorId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var people = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id) && m.FormerAt == null).ToDictionaryAsync(m => m.Id, m => new { m.Handle, m.DisplayName }, cancellationToken);
        var standing = await StrengthsAsync(db, scorer, starter, now, cancellationToken);
        var strongFor = scorer.StrongFlags([.. standing.Values]).Zip(standing.Keys).Where(x => x.First).Select(x => x.Second).ToHashSet();

        var candidates = history.Where(h => !excluded.Contains(h.MemberId) && people.ContainsKey(h.MemberId))
            .Select(h => new HelpCandidate(h.MemberId, h.Similarity, h.HelpInSpace, (now - h.LastHelpAt).TotalDays, active.Contains(h.MemberId), standing.GetValueOrDefault(h.MemberId)));
        return [.. HelpRouting.Rank(candidates, term).Take(count)
            .Select(c => new Suggestion(c.MemberId, people[c.MemberId].Handle, people[c.MemberId].DisplayName, c, strongFor.Contains(c.MemberId), HelpRouting.Score(c, term)))];
    }

    /// <summary>The starter's tie strength with each member they are tied to, now.</summary>
    public static async Task<Dictionary<Guid, double>> StrengthsAsync(ICommunityDb db, TieScorer scorer, Guid member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scorer);
        var strengths = new Dictionary<Guid, double>();
        await foreach (var tie in db.Ties.AsNoTracking().Where(t => t.MemberLowId == member || t.MemberHighId == member).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            strengths[tie.MemberLowId == member ? tie.MemberHighId : tie.MemberLowId] = scorer.Score(tie.ToState(), now).Strength;
        }

        return strengths;
    }
}

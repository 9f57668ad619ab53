using CommunityHub.Domain.Threads;
using System.Globalization;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Ties;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Maintenance;

/// <summary>Recomputes what the write path keeps denormalised (threads' and spaces' counters, ideas' vote counts, every tie,
/// who took part in which thread, whom each post answered) from the rows themselves and reports where the
/// stored values drifted, changing nothing. <see cref="RepairConsistency"/> fixes what it finds.
/// Also <c>CommunityHub.Web check-consistency [--repair]</c>.</summary>
public static class CheckConsistency
{
    /// <summary>Not exposed on any page: run from the command line by whoever runs the server.</summary>
    public sealed class Query : IRequest<Report>;

    /// <summary>One stored value that is not what the history says.</summary>
    public sealed record Drift(string Kind, string Subject, string Stored, string Expected);

    /// <summary><paramref name="Examples"/> lists at most <see cref="MaxExamples"/> of the <paramref name="DriftCount"/> drifts found.</summary>
    public sealed record Report(int Threads, int Spaces, int Ties, int Posts, int DriftCount, IReadOnlyList<Drift> Examples)
    {
        public const int MaxExamples = 50;

        public bool IsConsistent => DriftCount == 0;
    }

    /// <summary>Accumulators are doubles summed in a different order by the write path and the replay:
    /// equal up to rounding, never exactly.</summary>
    private const double Tolerance = 1e-6;

    /// <summary>The write path keeps .NET ticks; PostgreSQL stores microseconds.</summary>
    private static readonly TimeSpan TimeTolerance = TimeSpan.FromMilliseconds(1);

    public sealed class Handler(ICommunityDb db, IOptions<TieOptions> options, TieScorer scorer) : IRequestHandler<Query, Report>
    {
        public async Task<Report> Handle(Query request, CancellationToken cancellationToken)
        {
            var drifts = new List<Drift>();
            var driftCount = 0;
            void Found(string kind, object subject, object? stored, object? expected)
            {
                driftCount++;
                if (drifts.Count < Report.MaxExamples)
                {
                    drifts.Add(new Drift(kind, Text(subject), Text(stored), Text(expected)));
                }
            }

            // The same definitions as RecountCounters, so that a repair makes this report empty.
            var posts = db.Posts.Where(ConversationPolicy.InTheConversation<Post>());
            var threads = await db.Threads.AsNoTracking()
                .Select(t => new
                {
                    t.Id,
                    t.ReplyCount,
                    t.LastActivityAt,
                    Replies = posts.Count(p => p.ThreadId == t.Id && !p.IsOpeningPost),
                    LastPostAt = posts.Where(p => p.ThreadId == t.Id).Max(p => (DateTimeOffset?)p.CreatedAt),
                })
                .Where(t => t.ReplyCount != t.Replies || t.LastActivityAt != t.LastPostAt)
                .OrderBy(t => t.Id)
                .ToListAsync(cancellationToken);
            foreach (var t in threads)
            {
                Found("thread counters", $"thread {t.Id}", $"{t.ReplyCount} replies, last activity {t.LastActivityAt:O}", $"{t.Replies} replies, last activity {t.LastPostAt:O}");
            }

            var spaces = await db.Spaces.AsNoTracking()
                .Select(s => new
                {
                    s.Id,
                    s.Slug,
                    s.ThreadCount,
                    s.LastActivityAt,
                    Threads = db.Threads.Count(t => t.SpaceId == s.Id),
                    LastThreadAt = db.Threads.Where(t => t.SpaceId == s.Id).Max(t => (DateTimeOffset?)t.LastActivityAt),
                })
                .Where(s => s.ThreadCount != s.Threads || s.LastActivityAt != s.LastThreadAt)
                .OrderBy(s => s.Id)
                .ToListAsync(cancellationToken);
            foreach (var s in spaces)
            {
                Found("space counters", $"space {s.Slug}", $"{s.ThreadCount} threads, last activity {s.LastActivityAt:O}", $"{s.Threads} threads, last activity {s.LastThreadAt:O}");
            }

            // An idea's count is its standing votes, as RecountCounters counts them.
            var standing = db.IdeaVotes.Where(v => v.WithdrawnAt == null);
            var ideas = await db.Ideas.AsNoTracking()
                .Select(i => new { i.ThreadId, i.VoteCount, Votes = standing.Count(v => v.ThreadId == i.ThreadId) })
                .Where(i => i.VoteCount != i.Votes)
                .OrderBy(i => i.ThreadId)
                .ToListAsync(cancellationToken);
            foreach (var i in ideas)
            {
                Found("idea votes", $"idea {i.ThreadId}", $"{i.VoteCount} votes", $"{i.Votes} votes");
            }

            var replay = await RebuildTies.ReplayAsync(db, options.Value, scorer, cancellationToken);
            var expected = replay.Ties.Ties.ToDictionary(t => t.State.Pair);
            var stored = await db.Ties.AsNoTracking().ToListAsync(cancellationToken);

            // Pairs queued for the structure pass have a structural input that is legitimately behind: it is
            // compared everywhere else.
            var pending = await db.PendingTieStructure.AsNoTracking().Select(p => new { p.MemberLowId, p.MemberHighId }).ToListAsync(cancellationToken);
            var structurePending = new HashSet<MemberPair>();
            if (pending.Count > 0)
            {
                var neighbourhoods = TieStructure.Neighbourhoods(expected.Values.Select(t => t.State), DateTimeOffset.UnixEpoch, options.Value);
                foreach (var p in pending)
                {
                    var pair = MemberPair.Of(p.MemberLowId, p.MemberHighId);
                    if (neighbourhoods.TryGetValue(pair.Low, out var low) && neighbourhoods.TryGetValue(pair.High, out var high))
                    {
                        structurePending.UnionWith(TieStructure.Affected(pair, low, high));
                    }
                }
            }

            foreach (var row in stored)
            {
                var state = row.ToState();
                if (!expected.Remove(state.Pair, out var rebuilt))
                {
                    Found("tie", state.Pair, Describe(state), "no tie: the two never interacted");
                }
                else if (!Agree(state, row.StrengthAtUpdate, rebuilt.State, rebuilt.Strength, options.Value, compareStructure: !structurePending.Contains(state.Pair)))
                {
                    Found("tie", state.Pair, Describe(state), Describe(rebuilt.State));
                }
            }

            foreach (var (pair, missing) in expected)
            {
                Found("tie", pair, "missing", Describe(missing.State));
            }

            var participants = (await db.ThreadParticipants.AsNoTracking().Select(p => new { p.ThreadId, p.MemberId, p.FirstPostId }).ToListAsync(cancellationToken))
                .Select(p => (p.ThreadId, p.MemberId, p.FirstPostId))
                .ToHashSet();
            var replayed = replay.Ties.Participants.Select(p => (p.ThreadId, p.MemberId, p.FirstPostId)).ToHashSet();
            foreach (var extra in participants.Except(replayed).Order())
            {
                Found("thread participant", $"thread {extra.ThreadId}, member {extra.MemberId}", $"joined with post {extra.FirstPostId}", "not a participant, or joined with another post");
            }

            foreach (var missing in replayed.Except(participants).Order())
            {
                Found("thread participant", $"thread {missing.ThreadId}, member {missing.MemberId}", "missing", $"joined with post {missing.FirstPostId}");
            }

            var addressees = await db.Posts.AsNoTracking().Where(ConversationPolicy.InTheConversation<Post>()).Select(p => new { p.Id, p.AddressedToId }).ToListAsync(cancellationToken);
            foreach (var post in addressees.Where(p => replay.Ties.Addressees.GetValueOrDefault(p.Id) != p.AddressedToId).OrderBy(p => p.Id))
            {
                Found("post addressee", $"post {post.Id}", post.AddressedToId, replay.Ties.Addressees.GetValueOrDefault(post.Id));
            }

            return new Report(await db.Threads.CountAsync(cancellationToken), await db.Spaces.CountAsync(cancellationToken), stored.Count, replay.Posts, driftCount, drifts);
        }

        /// <summary>Both valued at the later of the two moments, so a row last touched at another time still compares.</summary>
        private static bool Agree(TieState stored, double storedStrength, TieState rebuilt, double rebuiltStrength, TieOptions o, bool compareStructure)
        {
            if (!compareStructure)
            {
                // The strength depends on the structural input that is still to be recomputed.
                (storedStrength, rebuiltStrength) = (0, 0);
            }

            if (stored.HasDirect != rebuilt.HasDirect
                || stored.ActiveWeeks != rebuilt.ActiveWeeks
                || (stored.ActiveWeeks != 0 && stored.LatestWeek != rebuilt.LatestWeek)
                || (stored.FirstAt - rebuilt.FirstAt).Duration() > TimeTolerance
                || (stored.LastAt - rebuilt.LastAt).Duration() > TimeTolerance
                || (stored.AsOf - rebuilt.AsOf).Duration() > TimeTolerance
                || !Close(storedStrength, rebuiltStrength))
            {
                return false;
            }

            var at = stored.AsOf > rebuilt.AsOf ? stored.AsOf : rebuilt.AsOf;
            bool Same(double a, double b, TimeSpan halfLife) =>
                Close(a * Decay.Factor(at - stored.AsOf, halfLife), b * Decay.Factor(at - rebuilt.AsOf, halfLife));
            return Same(stored.Contact, rebuilt.Contact, o.TimeHalfLife)
                && Same(stored.Intensity, rebuilt.Intensity, o.EmotionHalfLife)
                && Same(stored.ConfidingLowToHigh, rebuilt.ConfidingLowToHigh, o.IntimacyHalfLife)
                && Same(stored.ConfidingHighToLow, rebuilt.ConfidingHighToLow, o.IntimacyHalfLife)
                && Same(stored.ServiceLowToHigh, rebuilt.ServiceLowToHigh, o.ServicesHalfLife)
                && Same(stored.ServiceHighToLow, rebuilt.ServiceHighToLow, o.ServicesHalfLife)
                && (!compareStructure || Same(stored.Embeddedness, rebuilt.Embeddedness, o.TimeHalfLife));
        }

        private static bool Close(double a, double b) => Math.Abs(a - b) <= Tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

        private static string Describe(TieState s) => string.Create(
            CultureInfo.InvariantCulture,
            $"as of {s.AsOf:O}: contact {s.Contact:0.######}, intensity {s.Intensity:0.######}, confiding {s.ConfidingLowToHigh:0.######}/{s.ConfidingHighToLow:0.######}, services {s.ServiceLowToHigh:0.######}/{s.ServiceHighToLow:0.######}, embeddedness {s.Embeddedness:0.######}, weeks {s.ActiveWeeks:X}, first {s.FirstAt:O}, last {s.LastAt:O}, direct {s.HasDirect}");

        private static string Text(object? value) => value switch
        {
            null => "none",
            MemberPair pair => $"members {pair.Low} and {pair.High}",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "none",
        };
    }
}

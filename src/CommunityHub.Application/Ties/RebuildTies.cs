using System.Diagnostics;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Ties;

/// <summary>Recomputes every tie (and who took part in which thread, and whom each post answered) from the
/// history: the posts in order and every reciprocity record, given and taken back. Through the same
/// <see cref="TieRules"/> and <see cref="TieState.Apply"/> as the write path, so on a consistent database it
/// changes nothing. Run after changing the tie options, or to repair. Also <c>CommunityHub.Web rebuild-ties</c>.</summary>
public static class RebuildTies
{
    /// <summary>Not exposed on any page: run from the command line by whoever runs the server.</summary>
    public sealed class Command : ICommand<Report>;

    public sealed record Report(int Posts, int Records, int Pairs, int Participants, TimeSpan Took);

    public sealed class Handler(ICommunityDb db, ITieStore store, IOptions<TieOptions> options, TieScorer scorer) : IRequestHandler<Command, Report>
    {
        public async Task<Report> Handle(Command request, CancellationToken cancellationToken)
        {
            var stopwatch = Stopwatch.StartNew();
            var replay = await ReplayAsync(db, options.Value, scorer, cancellationToken);
            await store.ReplaceAllAsync(replay.Ties, cancellationToken);
            return new Report(replay.Posts, replay.Records, replay.Ties.Ties.Count, replay.Ties.Participants.Count, stopwatch.Elapsed);
        }
    }

    /// <summary>What replaying the history gives, before anything is written.</summary>
    internal sealed record Replay(RebuiltTies Ties, int Posts, int Records);

    /// <summary>Replays every post and reciprocity record through the write path's rules; reads only.
    /// The rebuild stores the result; the consistency check compares it with what is stored.</summary>
    internal static async Task<Replay> ReplayAsync(ICommunityDb db, TieOptions o, TieScorer scorer, CancellationToken cancellationToken)
    {
        var ties = new Dictionary<MemberPair, TieState>();
        void Record(TieEvent e)
        {
            var contribution = TieContribution.Of(e, o);
            ties[e.Pair] = ties.TryGetValue(e.Pair, out var state) ? state.Apply(contribution, o) : TieState.Start(contribution);
        }

        var mentions = (await db.PostMentions.AsNoTracking().Select(m => new { m.PostId, m.MemberId }).ToListAsync(cancellationToken))
            .GroupBy(m => m.PostId)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<Guid>)[.. g.Select(m => m.MemberId)]);

        var posts = db.Posts.AsNoTracking()
            .Join(db.Threads, p => p.ThreadId, t => t.Id, (p, t) => new { p.Id, p.ThreadId, p.AuthorId, p.InReplyToPostId, p.CreatedAt, p.Body, p.IsStaffNote, p.IsOpeningPost, Starter = t.AuthorId })
            .OrderBy(p => p.ThreadId).ThenBy(p => p.Id)
            .AsAsyncEnumerable();

        var participants = new List<ThreadParticipant>();
        var addressees = new Dictionary<long, Guid?>();
        var thread = new ThreadReplay(0);
        var postCount = 0;
        await foreach (var post in posts.WithCancellation(cancellationToken))
        {
            postCount++;
            if (post.ThreadId != thread.Id)
            {
                thread = new ThreadReplay(post.ThreadId);
            }

            if (post.IsStaffNote)
            {
                // Builds nothing, but a later post may still answer it.
                thread.Seen(post.Id, post.AuthorId, null, countsForConversation: false);
                continue;
            }

            var postMentions = mentions.GetValueOrDefault(post.Id) ?? [];
            var isNew = !post.IsOpeningPost && !thread.Participants.Contains(post.AuthorId);
            PostFacts facts;
            if (post.IsOpeningPost)
            {
                facts = new PostFacts(post.AuthorId, post.CreatedAt, TieRules.CountWords(post.Body), null, null, postMentions, [], false);
            }
            else
            {
                var parent = post.InReplyToPostId is { } parentId ? thread.Find(parentId) : null;
                // The write path reads these under the thread's lock; here they are what the replay has seen so far.
                var placement = ReplyPlacement.Of(post.AuthorId, post.Starter, new ThreadSoFar(
                    parent, thread.LatestBySomeoneOtherThan(post.AuthorId), thread.LatestBy(post.Starter), [.. thread.Participants], !isNew, AuthorChoseHowToFollow: false));
                facts = new PostFacts(post.AuthorId, post.CreatedAt, TieRules.CountWords(post.Body), placement.AddresseeId, placement.AnsweredPostAddresseeId, postMentions, [.. thread.Participants], isNew);
            }

            foreach (var e in TieRules.ForPost(facts, o))
            {
                Record(e);
            }

            addressees[post.Id] = facts.Addressee;
            thread.Seen(post.Id, post.AuthorId, facts.Addressee, countsForConversation: true);
            if (post.IsOpeningPost || isNew)
            {
                thread.Participants.Add(post.AuthorId);
                participants.Add(new ThreadParticipant(post.ThreadId, post.AuthorId, post.Id, post.CreatedAt));
            }
        }

        var records = await db.ReciprocityRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            var given = TieEvents.Of(record);
            Record(given);
            if (record.RetractedAt is not null)
            {
                Record(given.Retracted());
            }
        }

        // Ideas (issue 15): every vote, given and (when withdrawn, or moved by a merge) taken back, and every status
        // update the company gave.
        var votes = await (
                from v in db.IdeaVotes.AsNoTracking()
                join i in db.Ideas on v.ThreadId equals i.ThreadId
                orderby v.Id
                select new { v.MemberId, i.AuthorId, v.CastAt, v.WithdrawnAt })
            .ToListAsync(cancellationToken);
        var updates = await (
                from c in db.IdeaStatusChanges.AsNoTracking()
                join i in db.Ideas on c.ThreadId equals i.ThreadId
                select new { c.ChangedById, i.AuthorId, c.Note, c.At })
            .ToListAsync(cancellationToken);
        foreach (var e in votes.SelectMany(v => Ideas.IdeaTieEvents.Vote(v.MemberId, v.AuthorId, v.CastAt)
                         .SelectMany(given => v.WithdrawnAt is null ? [given] : new[] { given, given.Retracted() }))
                     .Concat(updates.SelectMany(u => Ideas.IdeaTieEvents.StatusUpdate(u.ChangedById, u.AuthorId, u.Note, u.At))))
        {
            Record(e);
        }

        // The structural component from the replayed contact counts, valued at the latest moment (exact at any).
        var at = ties.Count == 0 ? DateTimeOffset.UnixEpoch : ties.Values.Max(s => s.AsOf);
        var rebuilt = TieStructure.WithEmbeddedness(ties.Values, at, o).Select(s => (s, scorer.Score(s, s.AsOf).Strength)).ToList();
        return new Replay(new RebuiltTies(rebuilt, participants, addressees), postCount, records.Count);
    }

    /// <summary>What the write path looks up in the database about earlier posts of a thread, kept in memory while replaying it.</summary>
    private sealed class ThreadReplay(long id)
    {
        private readonly Dictionary<long, EarlierPost> _posts = [];
        private readonly Dictionary<Guid, EarlierPost> _latestByAuthor = [];
        private EarlierPost? _latest;
        private EarlierPost? _latestByAnotherThanLatest;

        public long Id { get; } = id;

        /// <summary>In order of joining, as the write path reads thread_participants.</summary>
        public List<Guid> Participants { get; } = [];

        public EarlierPost? Find(long postId) => _posts.GetValueOrDefault(postId);

        public EarlierPost? LatestBy(Guid author) => _latestByAuthor.GetValueOrDefault(author);

        public EarlierPost? LatestBySomeoneOtherThan(Guid author) =>
            _latest is null ? null : _latest.AuthorId != author ? _latest : _latestByAnotherThanLatest;

        public void Seen(long postId, Guid author, Guid? addressee, bool countsForConversation)
        {
            var seen = new EarlierPost(author, addressee);
            _posts[postId] = seen;
            if (!countsForConversation)
            {
                return;
            }

            _latestByAuthor[author] = seen;
            if (_latest is not null && _latest.AuthorId != author)
            {
                _latestByAnotherThanLatest = _latest;
            }

            _latest = seen;
        }
    }
}

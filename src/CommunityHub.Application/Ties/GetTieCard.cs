using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ties;

/// <summary>The tie between two members: its four components and the timeline of what built it. Only the
/// two members and the company's people and moderators may see it.</summary>
public static class GetTieCard
{
    public const int TimelineLength = 60;

    [Authorize]
    public sealed record Query(string Handle, string OtherHandle) : IRequest<TieCard>;

    public sealed record Person(Guid Id, string DisplayName, string Handle);

    public sealed record TieCard(Person One, Person Other, TieScore Score, bool IsStrongForOne, bool IsStrongForOther, DateTimeOffset? FirstAt, DateTimeOffset? LastAt, IReadOnlyList<Moment> Timeline);

    public enum MomentKind
    {
        Reply,
        Mention,
        SharedThread,
        Helped,
        AcceptedAnswer,
        Thanks,
        Reaction,
    }

    /// <summary>One thing that built the tie. <see cref="ActorId"/> did it (for a shared thread: the later to join).</summary>
    public sealed record Moment(DateTimeOffset At, MomentKind Kind, Guid ActorId, string? Reaction, string ThreadTitle, string SpaceSlug, long ThreadId, long? PostId);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TieScorer scorer, TimeProvider clock) : IRequestHandler<Query, TieCard>
    {
        public async Task<TieCard> Handle(Query request, CancellationToken cancellationToken)
        {
            var people = await db.Members.AsNoTracking()
                .Where(m => m.Handle == request.Handle || m.Handle == request.OtherHandle)
                .Select(m => new Person(m.Id, m.DisplayName, m.Handle))
                .ToListAsync(cancellationToken);
            var one = people.Find(p => p.Handle == request.Handle) ?? throw new NotFoundException("Member", request.Handle);
            var other = people.Find(p => p.Handle == request.OtherHandle) ?? throw new NotFoundException("Member", request.OtherHandle);
            if (one.Id == other.Id)
            {
                throw new NotFoundException("Tie", request.Handle);
            }

            if (!TieVisibility.MayOpenTieCard(currentUser.Viewer(), one.Id, other.Id))
            {
                throw new ForbiddenException("A tie card is for the two members it is about, and for the company's people.");
            }

            var (a, b) = (one.Id, other.Id);
            var pair = MemberPair.Of(a, b);
            var tie = await db.Ties.AsNoTracking().FirstOrDefaultAsync(t => t.MemberLowId == pair.Low && t.MemberHighId == pair.High, cancellationToken);
            var now = clock.GetUtcNow();
            var score = tie is null ? TieScore.None : scorer.Score(tie.ToState(), now);
            var standingOne = await TieQueries.StandingAsync(db, scorer, a, now, cancellationToken);
            var standingOther = await TieQueries.StandingAsync(db, scorer, b, now, cancellationToken);

            var visiblePosts = db.Posts.Where(ConversationPolicy.Listed<Post>(Viewer.Anonymous));
            var replies = await (
                    from p in visiblePosts
                    where (p.AuthorId == a && p.AddressedToId == b) || (p.AuthorId == b && p.AddressedToId == a)
                    join t in db.Threads on p.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    orderby p.CreatedAt descending
                    select new Moment(p.CreatedAt, MomentKind.Reply, p.AuthorId, null, t.Title, s.Slug, t.Id, p.Id))
                .Take(TimelineLength).ToListAsync(cancellationToken);
            var mentions = await (
                    from m in db.PostMentions
                    join p in visiblePosts on m.PostId equals p.Id
                    where (p.AuthorId == a && m.MemberId == b) || (p.AuthorId == b && m.MemberId == a)
                    join t in db.Threads on p.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    orderby p.CreatedAt descending
                    select new Moment(p.CreatedAt, MomentKind.Mention, p.AuthorId, null, t.Title, s.Slug, t.Id, p.Id))
                .Take(TimelineLength).ToListAsync(cancellationToken);
            var records = await (
                    from r in db.ReciprocityRecords
                    where r.RetractedAt == null && ((r.FromMemberId == a && r.ToMemberId == b) || (r.FromMemberId == b && r.ToMemberId == a))
                    join t in db.Threads on r.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    orderby r.CreatedAt descending
                    select new { r.CreatedAt, r.Kind, r.FromMemberId, r.Reaction, t.Title, s.Slug, ThreadId = t.Id, r.PostId })
                .Take(TimelineLength).ToListAsync(cancellationToken);
            var shared = await (
                    from pa in db.ThreadParticipants
                    join pb in db.ThreadParticipants on pa.ThreadId equals pb.ThreadId
                    where pa.MemberId == a && pb.MemberId == b
                    join t in db.Threads on pa.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    let later = pa.JoinedAt > pb.JoinedAt ? pa : pb
                    orderby later.JoinedAt descending
                    select new Moment(later.JoinedAt, MomentKind.SharedThread, later.MemberId, null, t.Title, s.Slug, t.Id, null))
                .Take(TimelineLength).ToListAsync(cancellationToken);

            var timeline = replies.Concat(mentions).Concat(shared)
                .Concat(records.Select(r => new Moment(r.CreatedAt, KindOf(r.Kind), r.FromMemberId, r.Reaction, r.Title, r.Slug, r.ThreadId, r.PostId)))
                .OrderByDescending(m => m.At)
                .Take(TimelineLength)
                .ToList();
            return new TieCard(
                one,
                other,
                score,
                tie is not null && scorer.IsStrong(score.Strength, standingOne.RankOf(score.Strength)),
                tie is not null && scorer.IsStrong(score.Strength, standingOther.RankOf(score.Strength)),
                tie?.FirstAt,
                tie?.LastAt,
                timeline);
        }

        private static MomentKind KindOf(ReciprocityKind kind) => kind switch
        {
            ReciprocityKind.Helped => MomentKind.Helped,
            ReciprocityKind.AcceptedAnswer => MomentKind.AcceptedAnswer,
            ReciprocityKind.Thanks => MomentKind.Thanks,
            _ => MomentKind.Reaction,
        };
    }
}

using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Ties;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Members;

/// <summary>A member's profile: who they are, their strongest ties with the four components, and their
/// help ledger (help given and received, with where it happened).</summary>
public static class GetProfile
{
    public const int TiesShown = 10;
    public const int LedgerEntriesShown = 20;

    public sealed record Query(string Handle) : IRequest<Profile>;

    public sealed record Profile(
        Guid Id,
        string DisplayName,
        string Handle,
        MemberBadge Badge,
        string? Title,
        DateTimeOffset JoinedAt,
        int Posts,
        int ThreadsStarted,
        bool IsViewer,
        TieDetail TieDetail,
        bool ShowsFrequentContacts,
        bool AnswersTieQuestions,
        bool MayBeAskedForHelp,
        GetTieQuestion.Question? TieQuestion,
        IReadOnlyList<TieView> Ties,
        IReadOnlyList<FrequentContact> FrequentContacts,
        int TieCount,
        double MeanStrength,
        HelpLedger Ledger,
        Guid? AvatarId = null)
    {
        /// <summary>The signed-in reader ignores this member (their posts collapse, their news never reaches the reader).</summary>
        public bool IgnoredByViewer { get; init; }

        /// <summary>The reader is signed in, it is someone else's profile, and the domain lets them be ignored
        /// (<see cref="IgnoredMember.MayBeIgnored"/>: never a moderator or staff): "Ignore" is offered. "Stop ignoring"
        /// stays offered to whoever ignores them already (say, before they were made staff).</summary>
        public bool MayIgnore { get; init; }
    }

    /// <param name="MayOpenCard">The viewer is one of the two, or one of the company's people or a moderator.</param>
    public sealed record TieView(string Handle, string DisplayName, TieScore Score, bool IsStrong, DateTimeOffset LastAt, bool MayOpenCard);

    /// <summary>Someone the member often talks with: a name only, shown in alphabetical order.</summary>
    public sealed record FrequentContact(string Handle, string DisplayName);

    /// <param name="Given">Replies of theirs others marked "helped me" or accepted as the answer.</param>
    /// <param name="Received">Replies they marked as having helped them, or accepted on their threads.</param>
    public sealed record HelpLedger(int Given, int Received, int ThanksGiven, int ThanksReceived, IReadOnlyList<LedgerEntry> Recent)
    {
        public int Balance => Given - Received;
    }

    /// <param name="Gave">True when this member helped <see cref="OtherName"/>; false when they were helped.</param>
    public sealed record LedgerEntry(bool Gave, ReciprocityKind Kind, string OtherName, string OtherHandle, string ThreadTitle, string SpaceSlug, long ThreadId, long PostId, DateTimeOffset At);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TieScorer scorer, IMediator mediator, TimeProvider clock) : IRequestHandler<Query, Profile>
    {
        private static readonly ReciprocityKind[] Help = [ReciprocityKind.Helped, ReciprocityKind.AcceptedAnswer];

        public async Task<Profile> Handle(Query request, CancellationToken cancellationToken)
        {
            // The posts the reader may find listed (what the profile counts is what its reader could open).
            var listed = db.Posts.Where(ConversationPolicy.Listed<Post>(currentUser.Viewer()));
            var member = await db.Members.AsNoTracking()
                .Where(m => m.Handle == request.Handle && m.FormerAt == null)
                .Select(m => new
                {
                    m.Id,
                    m.DisplayName,
                    m.Handle,
                    m.Badge,
                    m.Title,
                    m.JoinedAt,
                    AvatarId = m.IsBanned ? null : m.AvatarId,
                    Posts = listed.Count(p => p.AuthorId == m.Id),
                    Threads = db.Threads.Where(ConversationPolicy.ThreadOpenTo(currentUser.Viewer())).Count(t => t.AuthorId == m.Id),
                    IgnoredByViewer = db.IgnoredMembers.Any(i => i.IgnorerId == currentUser.MemberId && i.IgnoredId == m.Id),
                    // Their roles, in the same statement, so the page offers "Ignore" only where the domain allows it.
                    Roles = db.Accounts.Where(a => a.MemberId == m.Id).Select(a => a.Roles).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Member", request.Handle);

            var now = clock.GetUtcNow();
            var preferences = await db.TiePreferences.AsNoTracking().Where(p => p.MemberId == member.Id)
                .Select(p => new { p.ShowsFrequentContacts, p.AnswersTieQuestions, p.MayBeAskedForHelp }).FirstOrDefaultAsync(cancellationToken);
            var shows = preferences?.ShowsFrequentContacts ?? false;
            // The occasional question about one of one's own ties is asked on one's own profile.
            var question = currentUser.MemberId == member.Id ? await mediator.Send(new GetTieQuestion.Query(), cancellationToken) : null;
            var detail = TieVisibility.OfMembersTies(currentUser.Viewer(), member.Id, shows);
            var strongest = detail == TieDetail.None ? []
                : await TieQueries.StrongestAsync(db, scorer, member.Id, detail == TieDetail.Scored ? TiesShown : TieVisibility.FrequentContactsShown, now, cancellationToken);
            var standing = detail == TieDetail.Scored ? await TieQueries.StandingAsync(db, scorer, member.Id, now, cancellationToken) : new TieStanding([]);
            var others = strongest.Select(t => t.OtherId).ToList();
            var names = await db.Members.AsNoTracking().Where(m => others.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => new { m.DisplayName, m.Handle }, cancellationToken);

            var active = db.ReciprocityRecords.AsNoTracking().Where(r => r.RetractedAt == null);
            var counts = await active
                .Where(r => r.ToMemberId == member.Id || r.FromMemberId == member.Id)
                .GroupBy(r => new { r.Kind, Gave = r.ToMemberId == member.Id })
                .Select(g => new { g.Key.Kind, g.Key.Gave, Count = g.Count() })
                .ToListAsync(cancellationToken);
            int Count(bool gave, params ReciprocityKind[] kinds) => counts.Where(c => c.Gave == gave && kinds.Contains(c.Kind)).Sum(c => c.Count);

            var recent = await (
                    from r in active
                    where (r.ToMemberId == member.Id || r.FromMemberId == member.Id) && Help.Contains(r.Kind)
                    join t in db.Threads.Where(ConversationPolicy.ThreadOpenTo(currentUser.Viewer())) on r.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    join other in db.Members on (r.ToMemberId == member.Id ? r.FromMemberId : r.ToMemberId) equals other.Id
                    orderby r.CreatedAt descending, r.Id descending
                    select new LedgerEntry(r.ToMemberId == member.Id, r.Kind, other.DisplayName, other.Handle, t.Title, s.Slug, t.Id, r.PostId, r.CreatedAt))
                .Take(LedgerEntriesShown)
                .ToListAsync(cancellationToken);

            var viewer = currentUser.MemberId;
            return new Profile(
                member.Id,
                member.DisplayName,
                member.Handle,
                member.Badge,
                member.Title,
                member.JoinedAt,
                member.Posts,
                member.Threads,
                viewer == member.Id,
                detail,
                shows,
                preferences?.AnswersTieQuestions ?? true,
                preferences?.MayBeAskedForHelp ?? true,
                question,
                detail != TieDetail.Scored ? [] : [.. strongest.Select(t => new TieView(
                    names[t.OtherId].Handle,
                    names[t.OtherId].DisplayName,
                    t.Score,
                    scorer.IsStrong(t.Score.Strength, standing.RankOf(t.Score.Strength)),
                    t.State.LastAt,
                    TieVisibility.MayOpenTieCard(currentUser.Viewer(), member.Id, t.OtherId)))],
                detail != TieDetail.FrequentContacts ? []
                    : [.. strongest.Where(t => t.State.HasDirect).Select(t => new FrequentContact(names[t.OtherId].Handle, names[t.OtherId].DisplayName)).OrderBy(c => c.DisplayName, StringComparer.Ordinal)],
                standing.Count,
                standing.Mean,
                new HelpLedger(Count(true, Help), Count(false, Help), Count(false, ReciprocityKind.Thanks), Count(true, ReciprocityKind.Thanks), recent),
                member.AvatarId)
            {
                IgnoredByViewer = member.IgnoredByViewer,
                MayIgnore = viewer is not null && viewer != member.Id
                    && (member.IgnoredByViewer || IgnoredMember.MayBeIgnored(Viewer.Of(member.Id, member.Roles ?? []))),
            };
        }
    }
}

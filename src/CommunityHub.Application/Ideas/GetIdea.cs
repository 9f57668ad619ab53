using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ideas;

/// <summary>What the thread page of an idea shows above the conversation: its votes (and the viewer's), its status
/// with the company's latest note, where a duplicate was merged, and what the viewer may do. One statement, and
/// one more for a moderator (the ideas it could be merged into).</summary>
public static class GetIdea
{
    public sealed record Query(long ThreadId) : IRequest<IdeaPanel?>;

    public sealed record IdeaPanel(
        long ThreadId,
        int Votes,
        bool VotedByViewer,
        IdeaStatus Status,
        StatusUpdate? Update,
        MergedInto? Merged,
        IdeaPermissions Can)
    {
        public IReadOnlyList<MergeTarget> MergeTargets { get; init; } = [];
    }

    public sealed record StatusUpdate(IdeaStatus Status, string? Note, DateTimeOffset At, string ByName, string ByHandle);

    public sealed record MergedInto(long ThreadId, string Title, string SpaceSlug);

    public sealed record MergeTarget(long ThreadId, string Title, int Votes);

    /// <param name="Vote">Signed in, and the idea takes votes (not merged).</param>
    /// <param name="SetStatus">Speaks for the company.</param>
    /// <param name="Merge">Moderates, and the idea is not merged already.</param>
    public sealed record IdeaPermissions(bool Vote, bool SetStatus, bool Merge);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Query, IdeaPanel?>
    {
        public async Task<IdeaPanel?> Handle(Query request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var me = viewer.MemberId;
            var now = clock.GetUtcNow();
            var row = await (
                    from t in db.Threads.AsNoTracking().Where(ConversationPolicy.ThreadOpenTo(viewer))
                    where t.Id == request.ThreadId && t.Space!.IsIdeas
                    join i in db.Ideas on t.Id equals i.ThreadId into ideas
                    from i in ideas.DefaultIfEmpty()
                    select new
                    {
                        t.SpaceId,
                        Votes = i == null ? 0 : i.VoteCount,
                        Voted = db.IdeaVotes.Any(v => v.ThreadId == t.Id && v.WithdrawnAt == null && v.MemberId == me),
                        // A suspended or banned member is offered no vote (Idea.Vote refuses it).
                        Sanctioned = db.Members.Any(m => m.Id == me && (m.IsBanned || m.SuspendedUntil > now)),
                        Status = i == null ? IdeaStatus.New : i.Status,
                        Update = i == null || i.StatusChangedAt == null ? null
                            : db.Members.Where(m => m.Id == i.StatusChangedById)
                                .Select(m => new StatusUpdate(i.Status, i.StatusNote, i.StatusChangedAt.Value, m.DisplayName, m.Handle)).FirstOrDefault(),
                        Merged = i == null || i.MergedIntoThreadId == null ? null
                            : db.Threads.Where(o => o.Id == i.MergedIntoThreadId).Select(o => new MergedInto(o.Id, o.Title, o.Space!.Slug)).FirstOrDefault(),
                    })
                .AsSingleQuery()
                .FirstOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return null;
            }

            var merged = row.Merged is not null;
            var panel = new IdeaPanel(request.ThreadId, row.Votes, row.Voted, row.Status, row.Update, row.Merged,
                new IdeaPermissions(Vote: viewer.IsSignedIn && !merged && !row.Sanctioned, SetStatus: viewer.SpeaksForTheCompany && !merged, Merge: viewer.Moderates && !merged));
            if (!panel.Can.Merge)
            {
                return panel;
            }

            var targets = await (
                    from t in db.Threads.AsNoTracking()
                    where t.SpaceId == row.SpaceId && t.Id != request.ThreadId
                    join i in db.Ideas on t.Id equals i.ThreadId into ideas
                    from i in ideas.DefaultIfEmpty()
                    where i == null || i.MergedIntoThreadId == null
                    let votes = i == null ? 0 : i.VoteCount
                    orderby votes descending, t.Id descending
                    select new MergeTarget(t.Id, t.Title, votes))
                .Take(100)
                .ToListAsync(cancellationToken);
            return panel with { MergeTargets = targets };
        }
    }
}

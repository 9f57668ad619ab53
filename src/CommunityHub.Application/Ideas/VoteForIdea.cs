using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ideas;

/// <summary>A member votes for an idea, or takes their vote back. One vote per member: voting again changes nothing.</summary>
public static class VoteForIdea
{
    [Authorize]
    public sealed class Command : ICommand<Result>
    {
        public long ThreadId { get; set; }

        /// <summary>True to vote, false to take the vote back.</summary>
        public bool Vote { get; set; } = true;
    }

    public sealed record Result(string SpaceSlug, long ThreadId, bool Voted, int Votes);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IKeys keys, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var me = viewer.MemberId!.Value;
            var inHand = await IdeaInHand.LoadAsync(db, keys, viewer, request.ThreadId, cancellationToken);
            var mine = await db.IdeaVotes.FirstOrDefaultAsync(v => v.ThreadId == request.ThreadId && v.MemberId == me && v.WithdrawnAt == null, cancellationToken);
            var now = clock.GetUtcNow();
            if (request.Vote)
            {
                // Sanctions only: an unconfirmed address may vote (a vote publishes nothing).
                var standing = await db.Members.Where(m => m.Id == me).Select(m => new Standing(m.IsBanned, m.SuspendedUntil, m.SanctionReason, false)).SingleAsync(cancellationToken);
                if (inHand.Idea.Vote(viewer, standing, mine is not null, now) is { } vote)
                {
                    db.IdeaVotes.Add(vote);
                }
            }
            else
            {
                inHand.Idea.Withdraw(viewer, mine, now);
            }

            return new Result(inHand.SpaceSlug, inHand.ThreadId, request.Vote, inHand.Idea.VoteCount);
        }
    }
}

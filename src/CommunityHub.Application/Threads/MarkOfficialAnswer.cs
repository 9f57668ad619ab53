using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Persistence;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;

namespace CommunityHub.Application.Threads;

/// <summary>Someone speaking for the company (staff, an executive, an admin) marks one reply as the
/// thread's official answer, their own or another's; or clears it. Distinct from the asker's accepted answer.</summary>
public static class MarkOfficialAnswer
{
    [Authorize(Powers.SpeakForTheCompany)]
    public sealed class Command : ICommand<Result>
    {
        public long PostId { get; set; }

        /// <summary>True marks the reply as the official answer; false clears it (if it is the one).</summary>
        public bool Official { get; set; } = true;
    }

    /// <summary>Where the reply stands, for the page to go back to.</summary>
    public sealed record Result(long PostId, long ThreadId, string SpaceSlug);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var found = await PostInThread.FindAsync(db, request.PostId, cancellationToken);
            var by = currentUser.Viewer();
            if (request.Official)
            {
                found.Thread.MarkOfficialAnswer(found.Post, by, clock.GetUtcNow());
            }
            else if (found.Thread.OfficialAnswerPostId == found.Post.Id)
            {
                found.Thread.ClearOfficialAnswer(by);
            }

            return new Result(found.Post.Id, found.Thread.Id, found.SpaceSlug);
        }
    }
}

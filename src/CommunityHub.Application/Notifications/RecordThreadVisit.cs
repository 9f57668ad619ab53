using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using MediatR;

namespace CommunityHub.Application.Notifications;

/// <summary>Upserts read marks in one statement; PostgreSQL-specific, so it lives in Infrastructure.</summary>
public interface IThreadReadMarks
{
    /// <summary>Moves the member's read mark in the thread up to <paramref name="upToPostId"/> (never back), and marks
    /// their notifications about posts up to it read: one statement.</summary>
    Task MarkReadAsync(Guid memberId, long threadId, long upToPostId, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A signed-in member had a page of a thread on screen: replies up to the last one shown are read, and so
/// are their notifications about them.</summary>
public static class RecordThreadVisit
{
    [Authorize]
    public sealed record Command(long ThreadId, long UpToPostId) : ICommand<Unit>;

    public sealed class Handler(IThreadReadMarks marks, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await marks.MarkReadAsync(currentUser.MemberId!.Value, request.ThreadId, request.UpToPostId, clock.GetUtcNow(), cancellationToken);
            return Unit.Value;
        }
    }
}

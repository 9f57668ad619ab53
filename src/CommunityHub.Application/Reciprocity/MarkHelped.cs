using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Reciprocity;
using MediatR;

namespace CommunityHub.Application.Reciprocity;

/// <summary>"This helped me" on someone else's reply, or taking it back. Once per member per reply: marking
/// again changes nothing.</summary>
public static class MarkHelped
{
    [Authorize]
    public sealed class Command : ICommand<AcknowledgementResult>
    {
        public long PostId { get; set; }

        /// <summary>True to mark, false to take the mark back.</summary>
        public bool Helped { get; set; } = true;
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, AcknowledgementResult>
    {
        public Task<AcknowledgementResult> Handle(Command request, CancellationToken cancellationToken) =>
            Acknowledging.SetAsync(db, currentUser.Viewer(), request.PostId, ReciprocityKind.Helped, null, request.Helped, clock.GetUtcNow(), cancellationToken);
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Reciprocity;
using MediatR;

namespace CommunityHub.Application.Reciprocity;

/// <summary>Thanks for a post (a lighter acknowledgement than "helped"), or taking the thanks back. Once per member per post.</summary>
public static class ThankPost
{
    [Authorize]
    public sealed class Command : ICommand<AcknowledgementResult>
    {
        public long PostId { get; set; }

        public bool Thanked { get; set; } = true;
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, AcknowledgementResult>
    {
        public Task<AcknowledgementResult> Handle(Command request, CancellationToken cancellationToken) =>
            Acknowledging.SetAsync(db, currentUser.Viewer(), request.PostId, ReciprocityKind.Thanks, null, request.Thanked, clock.GetUtcNow(), cancellationToken);
    }
}

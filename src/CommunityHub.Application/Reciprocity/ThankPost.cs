using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.Extensions.Options;

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

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, ITieStore ties, IOptions<TieOptions> options, TimeProvider clock, IMediator mediator)
        : IRequestHandler<Command, AcknowledgementResult>
    {
        public async Task<AcknowledgementResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var post = await Acknowledgements.FindAsync(db, request.PostId, cancellationToken);
            return await Acknowledgements.SetAsync(db, ties, mediator, options.Value, clock.GetUtcNow(), currentUser.MemberId!.Value, post, ReciprocityKind.Thanks, null, request.Thanked, cancellationToken);
        }
    }
}

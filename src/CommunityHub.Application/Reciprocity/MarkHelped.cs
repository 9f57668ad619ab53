using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.Extensions.Options;

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

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, ITieStore ties, IOptions<TieOptions> options, TimeProvider clock, IMediator mediator)
        : IRequestHandler<Command, AcknowledgementResult>
    {
        public async Task<AcknowledgementResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var post = await Acknowledgements.FindAsync(db, request.PostId, cancellationToken);
            if (request.Helped && post.IsOpeningPost)
            {
                throw new DomainException("\"This helped me\" is for replies; thank the person who asked instead.");
            }

            return await Acknowledgements.SetAsync(db, ties, mediator, options.Value, clock.GetUtcNow(), currentUser.MemberId!.Value, post, ReciprocityKind.Helped, null, request.Helped, cancellationToken);
        }
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Common;
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

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, ITieStore ties, IOptions<TieOptions> options, TimeProvider clock)
        : IRequestHandler<Command, AcknowledgementResult>
    {
        public async Task<AcknowledgementResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId!.Value;
            var post = await Acknowledgements.FindAsync(db, request.PostId, cancellationToken);
            var existing = await Acknowledgements.ActiveAsync(db, post.Id, me, ReciprocityKind.Thanks, null, cancellationToken);
            if (!request.Thanked)
            {
                if (existing is not null)
                {
                    await Acknowledgements.TakeBackAsync(db, ties, options.Value, existing, clock.GetUtcNow(), cancellationToken);
                }

                return post.Result;
            }

            if (existing is not null)
            {
                return post.Result;
            }

            if (!post.IsAvailable)
            {
                throw new DomainException("This post has been removed and can no longer be thanked.");
            }

            var record = ReciprocityRecord.Give(ReciprocityKind.Thanks, post.Id, post.ThreadId, me, post.AuthorId, me, clock.GetUtcNow());
            await Acknowledgements.GiveAsync(db, ties, options.Value, record, cancellationToken);
            return post.Result;
        }
    }
}

using CommunityHub.Application.Attachments;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Members;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Avatars;

/// <summary>A member takes their picture down, or a moderator takes down another member's (the audit log says so, as for
/// every moderation of a member). The copies go from the store; the initial shows again.</summary>
public static class RemoveAvatar
{
    [Authorize]
    public sealed class Command : ICommand<Unit>
    {
        /// <summary>Whose picture; empty is the member asking.</summary>
        public Guid MemberId { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason!).StorableText().Must(r => r.Trim().Length <= Member.SanctionReasonMaxLength)
                .WithMessage($"A reason can be at most {Member.SanctionReasonMaxLength} characters.")
                .When(c => !string.IsNullOrWhiteSpace(c.Reason));
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IAttachmentStore store, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var memberId = request.MemberId == Guid.Empty ? viewer.MemberId!.Value : request.MemberId;
            var found = await db.Members.Where(m => m.Id == memberId)
                .Select(m => new { Member = m, IsAdmin = db.Accounts.Any(a => a.MemberId == m.Id && a.Roles.Contains(Roles.Admin)) })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Member", memberId);
            var removed = found.Member.RemoveAvatar(viewer, found.IsAdmin, request.Reason, clock.GetUtcNow());
            await AvatarCopies.RemoveAsync(db, store, removed, cancellationToken);
            return Unit.Value;
        }
    }
}

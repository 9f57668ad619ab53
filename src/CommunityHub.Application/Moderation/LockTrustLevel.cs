using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Trust;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Moderation;

/// <summary>A moderator fixes a member's trust level (a known expert on their first day, a member who games the
/// thresholds), or lets it follow what they do again. The audit log says so.</summary>
public static class LockTrustLevel
{
    [Authorize(Powers.Moderate)]
    public sealed class Command : ICommand<Unit>
    {
        public Guid MemberId { get; set; }

        /// <summary>The level to fix; null lets it follow what the member does again.</summary>
        public TrustLevel? Level { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Level).IsInEnum().WithMessage("Choose one of the trust levels.");
            RuleFor(c => c.Reason!).StorableText().Must(r => r.Trim().Length <= Member.SanctionReasonMaxLength)
                .WithMessage($"A reason can be at most {Member.SanctionReasonMaxLength} characters.")
                .When(c => !string.IsNullOrWhiteSpace(c.Reason));
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IOptionsSnapshot<TrustOptions> trust, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var found = await db.Members.Where(m => m.Id == request.MemberId)
                .Select(m => new { Member = m, IsAdmin = db.Accounts.Any(a => a.MemberId == m.Id && a.Roles.Contains(Roles.Admin)) })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Member", request.MemberId);
            var name = request.Level is { } level && Enum.IsDefined(level) ? trust.Value.NameOf(level) : string.Empty;
            found.Member.LockTrust(currentUser.Viewer(), found.IsAdmin, request.Level, name, request.Reason, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}

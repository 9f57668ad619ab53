using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommunityHub.Application.Members;

/// <summary>A member deletes their own account. The sign-in account goes (nobody can sign in as them, the address
/// is free to register again), and with it everything kept only for them: notifications, watches, preferences,
/// the digest, read marks, queued mail, drafts, files uploaded but never posted. Their posts (with the files posted with them), ties and help records are the community's history and stay,
/// attributed to "former member" (an admin may purge the posts, <see cref="Moderation.PurgeFormerMember"/>); so
/// does every audit-log entry about them.</summary>
public static class DeleteAccount
{
    public const string LastAdminRefusal = "You are the community's last admin, so your account can't be deleted. Make someone else an admin first.";

    [Authorize]
    public sealed class Command : ICommand<Unit>
    {
        /// <summary>The current password: deleting is for the account's owner, not whoever finds a signed-in browser.</summary>
        public string Password { get; set; } = string.Empty;

        public bool Confirm { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password.");
            RuleFor(c => c.Confirm).Equal(true).WithMessage("Tick the box to confirm that you want to delete your account.");
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, TimeProvider clock, Attachments.IAttachmentStore files, ILogger<Handler> logger)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var memberId = currentUser.MemberId ?? throw new NotSignedInException();
            if (!await identity.CheckPasswordAsync(memberId, request.Password, cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Password), "That is not your password.")]);
            }

            // Held until commit, like a role change: two last admins deleting themselves at once cannot both succeed.
            await identity.SerializeRoleChangesAsync(cancellationToken);
            var roles = await identity.RolesOfAsync(memberId, cancellationToken);
            if (roles.Contains(Roles.Admin) && await identity.CountInRoleAsync(Roles.Admin, cancellationToken) <= 1)
            {
                throw new ValidationException([new ValidationFailure(string.Empty, LastAdminRefusal)]);
            }

            var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken)
                ?? throw new NotFoundException("Member", memberId);
            var accounts = await identity.AccountsAsync([memberId], cancellationToken);
            var email = accounts.TryGetValue(memberId, out var account) ? account.Email : null;

            await db.Notifications.Where(n => n.RecipientId == memberId).ExecuteDeleteAsync(cancellationToken);
            await db.ThreadWatches.Where(w => w.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
            await db.SpaceWatches.Where(w => w.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
            // Whom they ignored, and who ignored them: neither outlives the account.
            await db.IgnoredMembers.Where(i => i.IgnorerId == memberId || i.IgnoredId == memberId).ExecuteDeleteAsync(cancellationToken);
            await db.NotificationPreferences.Where(p => p.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
            await db.DigestSubscriptions.Where(d => d.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
            await db.ThreadReadMarks.Where(r => r.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
            await db.TiePreferences.Where(p => p.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
            await db.TieRatings.Where(r => r.RaterId == memberId).ExecuteDeleteAsync(cancellationToken);
            await db.Drafts.Where(d => d.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
            var pending = await db.Attachments.Where(a => a.OwnerId == memberId && a.PostId == null).ToListAsync(cancellationToken);
            if (pending.Count > 0)
            {
                await files.DeleteAsync([.. pending.SelectMany(a => a.StorageKeys)], cancellationToken);
                db.Attachments.RemoveRange(pending);
            }

            // Their picture identifies them: it goes, copies and all.
            await Avatars.AvatarCopies.RemoveAllOfAsync(db, files, memberId, cancellationToken);

            if (email is not null)
            {
                // Mail is queued to the account's address as it is stored, so the same text finds it.
                await db.Emails.Where(e => e.ToAddress == email).ExecuteDeleteAsync(cancellationToken);
            }

            member.Leave(clock.GetUtcNow());
            // Identity's store saves the member's change with the account's removal (same context, same transaction).
            await identity.DeleteAccountAsync(memberId, cancellationToken);
            logger.LogInformation("Member {MemberId} deleted their account", memberId);
            return Unit.Value;
        }
    }
}

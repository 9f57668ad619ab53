using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace CommunityHub.Application.Account;

/// <summary>A member changes their password, giving the current one. Every other session is signed out: a copied
/// cookie of the old password's days is worth nothing afterwards.</summary>
public static class ChangePassword
{
    [Authorize]
    public sealed class Command : ICommand<Unit>
    {
        public string CurrentPassword { get; set; } = string.Empty;

        public string NewPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
            RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Choose a new password.");
        }
    }

    public sealed class Handler(ICurrentUser currentUser, ICurrentSession session, IAccountSecurity security, ISignInSessions sessions, AccountChanges changes)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            if (!await security.HasPasswordAsync(me, cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(string.Empty, "Your account has no password yet: you sign in through your provider.")]);
            }

            var result = await security.ChangePasswordAsync(me, request.CurrentPassword, request.NewPassword, cancellationToken);
            if (!result.Succeeded)
            {
                throw new ValidationException(result.Errors.Select(e => new ValidationFailure(e.Field, e.Message)));
            }

            await sessions.EndAllAsync(me, keep: session.SessionId, cancellationToken);
            await changes.RecordAsync(me, AccountEventKind.PasswordChanged, null, cancellationToken);
            return Unit.Value;
        }
    }
}

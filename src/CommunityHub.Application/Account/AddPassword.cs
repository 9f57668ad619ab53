using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Account;

/// <summary>A member who joined through a provider adds a password, a second way in (not while the community is SSO only).</summary>
public static class AddPassword
{
    [Authorize]
    public sealed class Command : ICommand<Unit>
    {
        public string NewPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptionsSnapshot<SingleSignOnOptions> options)
        {
            RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Choose a password.");
            RuleFor(c => c).Must(_ => options.Value.LocalPasswords).OverridePropertyName(string.Empty)
                .WithMessage(LocalPasswordRefusals.Message);
        }
    }

    public sealed class Handler(ICurrentUser currentUser, IAccountSecurity security, AccountChanges changes) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            if (await security.HasPasswordAsync(me, cancellationToken))
            {
                throw new ValidationException([new ValidationFailure(string.Empty, "Your account has a password already: change it instead.")]);
            }

            var result = await security.AddPasswordAsync(me, request.NewPassword, cancellationToken);
            if (!result.Succeeded)
            {
                throw new ValidationException(result.Errors.Select(e => new ValidationFailure(e.Field == "Password" ? nameof(Command.NewPassword) : e.Field, e.Message)));
            }

            await changes.RecordAsync(me, AccountEventKind.PasswordAdded, null, cancellationToken);
            return Unit.Value;
        }
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace CommunityHub.Application.Members;

/// <summary>Someone with a reset link chooses a new password.</summary>
public static class ResetPassword
{
    public sealed class Command : ICommand<Unit>
    {
        public string Email { get; set; } = string.Empty;

        public string Code { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage("This reset link is incomplete. Ask for a new one.");
            RuleFor(c => c.Code).NotEmpty().WithMessage("This reset link is incomplete. Ask for a new one.");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Choose a new password.");
        }
    }

    public sealed class Handler(IIdentityService identity) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var result = await identity.ResetPasswordAsync(request.Email.Trim(), request.Code, request.Password, cancellationToken);
            if (!result.Succeeded)
            {
                throw new ValidationException(result.Errors.Select(e => new ValidationFailure(e.Field, e.Message)));
            }

            return Unit.Value;
        }
    }
}

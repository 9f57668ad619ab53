using CommunityHub.Application.Members;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Account;

/// <summary>"SSO only": with local passwords off, registering, resetting a password and adding one are refused in
/// the application layer, so a forged form post meets the same answer as the missing form. (Each is one more
/// validator of the existing use case, found by the validator scan.)</summary>
public static class LocalPasswordRefusals
{
    public const string Message = "This community signs in with single sign-on only: use one of the “Continue with …” buttons on the sign-in page.";

    public sealed class Registering : AbstractValidator<RegisterMember.Command>
    {
        public Registering(IOptionsSnapshot<SingleSignOnOptions> options) =>
            RuleFor(c => c).Must(_ => options.Value.LocalPasswords).OverridePropertyName(string.Empty).WithMessage(Message);
    }

    public sealed class RequestingReset : AbstractValidator<RequestPasswordReset.Command>
    {
        public RequestingReset(IOptionsSnapshot<SingleSignOnOptions> options) =>
            RuleFor(c => c).Must(_ => options.Value.LocalPasswords).OverridePropertyName(string.Empty).WithMessage(Message);
    }

    public sealed class Resetting : AbstractValidator<ResetPassword.Command>
    {
        public Resetting(IOptionsSnapshot<SingleSignOnOptions> options) =>
            RuleFor(c => c).Must(_ => options.Value.LocalPasswords).OverridePropertyName(string.Empty).WithMessage(Message);
    }
}

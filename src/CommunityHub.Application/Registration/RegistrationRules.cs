using CommunityHub.Application.Members;
using FluentValidation;
using FluentValidation.Results;

namespace CommunityHub.Application.Registration;

/// <summary>The registration form meets the <see cref="RegistrationGate"/>: one more validator of the existing use case
/// (found by the validator scan), so a forged post meets the same answer as the page, and no account is made.</summary>
public sealed class RegistrationRules : AbstractValidator<RegisterMember.Command>
{
    public RegistrationRules(RegistrationGate gate)
    {
        RuleFor(c => c.Email).Custom((email, context) =>
        {
            if (!string.IsNullOrWhiteSpace(email) && gate.DomainRefusal(email) is { } refusal)
            {
                context.AddFailure(refusal);
            }
        });
        RuleFor(c => c.InviteCode).CustomAsync(async (code, context, ct) =>
        {
            if (await gate.InviteRefusalAsync(code, ct) is { } refusal)
            {
                context.AddFailure(new ValidationFailure(string.Empty, refusal));
            }
        });
    }
}

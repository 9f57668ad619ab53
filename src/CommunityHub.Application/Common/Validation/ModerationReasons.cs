using CommunityHub.Domain.Threads;
using FluentValidation;

namespace CommunityHub.Application.Common.Validation;

/// <summary>A reason a moderator gives the member they act on, shared by hiding, flags and sanctions.</summary>
public static class ModerationReasons
{
    public static IRuleBuilderOptions<T, string> ValidModerationReason<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage("Give a reason: the member will read it.")
            .Must(reason => reason.Trim().Length <= PostLimits.ModerationReasonMaxLength)
            .WithMessage($"A reason can be at most {PostLimits.ModerationReasonMaxLength} characters.")
            .StorableText();
}

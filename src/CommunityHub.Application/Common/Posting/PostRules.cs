using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Threads;
using FluentValidation;

namespace CommunityHub.Application.Common.Posting;

/// <summary>The rules for what people write, shared by every use case that takes a title or a body.</summary>
public static class PostRules
{
    public static IRuleBuilderOptions<T, string> ValidTitle<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(title => !string.IsNullOrWhiteSpace(title)).WithMessage("Give your thread a title.")
            .StorableText()
            .Must(title => title.Trim().Length <= PostLimits.TitleMaxLength)
            .WithMessage($"A title can be at most {PostLimits.TitleMaxLength} characters.");

    public static IRuleBuilderOptions<T, string> ValidBody<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage("Write something before posting.")
            .StorableText()
            .Must(body => body.Length <= PostLimits.BodyMaxLength)
            .WithMessage($"A post can be at most {PostLimits.BodyMaxLength:N0} characters.");

    public static IRuleBuilderOptions<T, Guid> ValidSubmissionId<T>(this IRuleBuilder<T, Guid> rule) =>
        rule.NotEmpty().WithMessage("The form was incomplete; reload the page and try again.");
}

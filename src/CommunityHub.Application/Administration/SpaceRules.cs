using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Spaces;
using FluentValidation;

namespace CommunityHub.Application.Administration;

/// <summary>What a space's form must hold, for creating and editing alike.</summary>
internal static class SpaceRules
{
    public static IRuleBuilderOptions<T, string> SpaceName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Give the space a name.")
            .StorableText()
            .Must(v => v.Trim().Length <= Space.NameMaxLength).WithMessage($"A name can be at most {Space.NameMaxLength} characters.");

    public static IRuleBuilderOptions<T, string> SpaceSlug<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Choose the space's address, e.g. product-questions.")
            .Must(v => Slug.IsValid(v.Trim())).WithMessage($"An address is lower-case letters, digits and single hyphens, at most {Slug.MaxLength} characters.");

    public static IRuleBuilderOptions<T, string> SpacePurpose<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Say what the space is for: members read it before they post.")
            .StorableText()
            .Must(v => v.Trim().Length <= Space.PurposeMaxLength).WithMessage($"A purpose can be at most {Space.PurposeMaxLength} characters.");
}

using System.Globalization;
using System.Text;
using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Members;

/// <summary>The name a member is @mentioned by and their profile's address: lower-case letters and digits,
/// single hyphens between them, 2 to 30 characters (for example <c>alice-chen</c>).</summary>
public static class MemberHandle
{
    public const int MinLength = 2;
    public const int MaxLength = 30;

    public static bool IsValid(string? handle) =>
        handle is { Length: >= MinLength and <= MaxLength }
        && handle.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && handle[0] != '-' && handle[^1] != '-' && !handle.Contains("--", StringComparison.Ordinal);

    public static string Require(string handle) =>
        IsValid(handle) ? handle : throw new DomainException($"\"{handle}\" is not a valid handle: use 2 to {MaxLength} lower-case letters, digits and single hyphens.");

    /// <summary>A handle made from a display name: accents dropped, lower case, anything else a hyphen.
    /// "Zoë O'Brien" becomes <c>zoe-o-brien</c>; a name with no letters or digits gives <c>member</c>.
    /// Leaves room for a "-N" suffix when the handle is taken.</summary>
    public static string Suggest(string displayName)
    {
        var builder = new StringBuilder();
        foreach (var c in (displayName ?? string.Empty).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(lower);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var handle = builder.ToString().Trim('-');
        if (handle.Length > MaxLength - 5)
        {
            handle = handle[..(MaxLength - 5)].TrimEnd('-');
        }

        return handle.Length >= MinLength ? handle : "member";
    }

    /// <summary>The <paramref name="attempt"/>-th choice for a suggested handle: the handle itself, then handle-2, handle-3...</summary>
    public static string Numbered(string suggested, int attempt) =>
        attempt <= 1 ? suggested : $"{suggested}-{attempt.ToString(CultureInfo.InvariantCulture)}";
}

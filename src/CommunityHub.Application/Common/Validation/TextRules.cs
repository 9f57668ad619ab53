using FluentValidation;

namespace CommunityHub.Application.Common.Validation;

/// <summary>Characters no text field accepts: PostgreSQL's text cannot store U+0000, and XML (the feeds) cannot
/// carry the other control characters, U+FFFE/U+FFFF or half a surrogate pair. Refused with a message, never
/// stripped: what is accepted is stored exactly as sent.</summary>
public static class TextRules
{
    public const string Message = "Remove the control characters (invisible codes such as NUL or ESC) from this text.";

    public static bool IsStorable(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return false;
            }

            if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The rule for a string property, nullable or not (the property's type flows through, so the chain
    /// goes on with the same type).</summary>
    public static IRuleBuilderOptions<T, TText> StorableText<T, TText>(this IRuleBuilder<T, TText> rule)
        where TText : IEnumerable<char>? =>
        rule.Must(text => IsStorable(text as string)).WithMessage(Message);
}

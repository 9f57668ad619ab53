namespace CommunityHub.Domain.Common;

internal static class Guard
{
    /// <summary>Trims <paramref name="value"/> and insists it is non-blank and at most <paramref name="maxLength"/> long.</summary>
    public static string Text(string? value, int maxLength, string what)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException($"{what} cannot be empty.");
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{what} cannot be longer than {maxLength} characters.");
        }

        return trimmed;
    }
}

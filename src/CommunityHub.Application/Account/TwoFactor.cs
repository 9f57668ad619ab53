namespace CommunityHub.Application.Account;

/// <summary>What the two-factor use cases share.</summary>
public static class TwoFactor
{
    public const int RecoveryCodeCount = 10;

    public const string WrongCode = "That code is not right, or it was used already. Type the 6 digits your authenticator app shows now.";

    /// <summary>Codes are typed with spaces or hyphens now and then ("123 456").</summary>
    public static string Normalise(string? code) => (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim();
}

using CommunityHub.Domain.Registration;

namespace CommunityHub.Application.Registration;

/// <summary>Who may register (section <c>Registration</c> of the settings): the bot gates of the form, an allow list of
/// e-mail domains, and invite-only mode.</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registration";

    /// <summary>A registration form sent back sooner than this after it was shown is refused (people take longer; bots
    /// do not). 0 turns the check off.</summary>
    public int MinimumFillSeconds { get; set; } = 3;

    /// <summary>A form shown longer ago than this is refused too (its signed time stamp is stale): reload and send again.</summary>
    public int MaximumFormAgeMinutes { get; set; } = 120;

    /// <summary>Only addresses at these domains may register (a customer-only community); empty for anyone. Applies
    /// to registering with a password and to joining through single sign-on alike.</summary>
    public List<string> AllowedEmailDomains { get; set; } = [];

    /// <summary>Only people holding an invite link an admin made may register (with a password or a provider).</summary>
    public bool InviteOnly { get; set; }

    public EmailDomains AllowedDomains() => AllowedEmailDomains.Count == 0 ? EmailDomains.None : EmailDomains.Parse(string.Join('\n', AllowedEmailDomains));
}

using System.Globalization;
using System.Security.Cryptography;
using CommunityHub.Application.Registration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Security;

/// <summary>Keeps simple bots from registering without a CAPTCHA service: the form carries a field people never see
/// (a honeypot a bot fills in) and the time it was shown, signed by ASP.NET Core data protection so it cannot be forged.
/// A form sent back with the honeypot filled, too fast, too late or with a forged time gets one calm refusal and no
/// account; the reason is logged, never shown (a bot learns nothing).</summary>
public sealed class RegistrationFormGuard(IDataProtectionProvider protection, IOptionsSnapshot<RegistrationOptions> options, TimeProvider clock, ILogger<RegistrationFormGuard> logger)
{
    /// <summary>The honeypot's field name: a name a form-filling bot finds irresistible.</summary>
    public const string HoneypotField = "Website";

    public const string ShownAtField = "FormShownAt";

    public const string Refusal = "We could not take that registration. Please wait a moment, check the form, and send it again.";

    private readonly IDataProtector _protector = protection.CreateProtector("CommunityHub.Registration.FormShownAt");

    /// <summary>The signed time stamp for a form shown now.</summary>
    public string Stamp() => _protector.Protect(clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>Whether the form came back as a person sends it.</summary>
    public bool Admits(string? honeypot, string? shownAt)
    {
        if (!string.IsNullOrEmpty(honeypot))
        {
            logger.LogInformation("Registration refused: the honeypot field was filled in");
            return false;
        }

        long shown;
        try
        {
            shown = long.Parse(_protector.Unprotect(shownAt ?? string.Empty), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or OverflowException)
        {
            logger.LogInformation("Registration refused: the form's time stamp is missing or forged");
            return false;
        }

        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(shown);
        var settings = options.Value;
        if (age < TimeSpan.FromSeconds(settings.MinimumFillSeconds))
        {
            logger.LogInformation("Registration refused: the form came back {Seconds:F1} s after it was shown", age.TotalSeconds);
            return false;
        }

        if (age > TimeSpan.FromMinutes(settings.MaximumFormAgeMinutes))
        {
            logger.LogInformation("Registration refused: the form was shown {Minutes:F0} minutes ago", age.TotalMinutes);
            return false;
        }

        return true;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace CommunityHub.Infrastructure.Identity;

/// <summary>Identity's TOTP check, plus: a code once accepted is refused if it comes again while it is still valid
/// (RFC 6238 section 5.2: "the verifier MUST NOT accept the second attempt of the same OTP"). Identity accepts a code
/// for up to 90 seconds (a step either side), so a code seen over someone's shoulder would otherwise work again.</summary>
public sealed class ReplayProtectedAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<CommunityUser>
{
    public const string Name = "CommunityAuthenticator";

    private const string Store = "CommunityHub";
    private const string LastCode = "LastAuthenticatorCode";

    /// <summary>Longer than a code can be valid; an older "last code" is no reason to refuse.</summary>
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(3);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<CommunityUser> manager, CommunityUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var code = (token ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await base.ValidateAsync(purpose, code, manager, user))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var last = await manager.GetAuthenticationTokenAsync(user, Store, LastCode);
        if (last?.Split('|') is [var usedCode, var usedAt]
            && usedCode == code
            && long.TryParse(usedAt, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks)
            && now - new DateTimeOffset(ticks, TimeSpan.Zero) < Remembered)
        {
            return false;
        }

        await manager.SetAuthenticationTokenAsync(user, Store, LastCode, string.Create(CultureInfo.InvariantCulture, $"{code}|{now.UtcTicks}"));
        return true;
    }
}

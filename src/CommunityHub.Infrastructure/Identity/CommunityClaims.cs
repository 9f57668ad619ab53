namespace CommunityHub.Infrastructure.Identity;

public static class CommunityClaims
{
    /// <summary>The member's display name, carried in the cookie so the header needs no query.</summary>
    public const string DisplayName = "community:display_name";

    /// <summary>The member's handle: the address of their profile, linked from the header.</summary>
    public const string Handle = "community:handle";

    /// <summary>The member's chosen IANA time zone, when they chose one: every date on a page is shown in it.</summary>
    public const string TimeZone = "community:time_zone";

    /// <summary>"true" when the account has two-factor on (for the "required of admins and moderators" setting).</summary>
    public const string TwoFactor = "community:two_factor";
}

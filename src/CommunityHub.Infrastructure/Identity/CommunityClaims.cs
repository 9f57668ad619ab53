namespace CommunityHub.Infrastructure.Identity;

public static class CommunityClaims
{
    /// <summary>The member's display name, carried in the cookie so the header needs no query.</summary>
    public const string DisplayName = "community:display_name";

    /// <summary>The member's handle: the address of their profile, linked from the header.</summary>
    public const string Handle = "community:handle";
}

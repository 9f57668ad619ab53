namespace CommunityHub.Domain.Members;

/// <summary>What a member's roles let them do beyond reading and taking part. <see cref="Viewer.Of(Guid, Func{string, bool})"/> is the one
/// place that says which role holds which power.</summary>
[Flags]
public enum Powers
{
    None = 0,

    /// <summary>Read and write staff notes, see the community's health and any pair's tie card: the company's
    /// people and the moderators.</summary>
    StaffSide = 1,

    /// <summary>Speak for the company: a Staff or Executive badge on every post, mark an official answer.</summary>
    SpeakForTheCompany = 2,

    /// <summary>Moderate threads, posts, flags and members; read hidden posts.</summary>
    Moderate = 4,

    /// <summary>Spaces, roles, the values page, purging former members.</summary>
    Administer = 8,
}

/// <summary>Whoever is reading or acting, as the rules need them: who they are (null for a visitor who is not
/// signed in, or a feed reader) and what their roles let them do.</summary>
public sealed record Viewer(Guid? MemberId, Powers Powers)
{
    /// <summary>Someone signed out: what a search engine or a feed reader may see.</summary>
    public static Viewer Anonymous { get; } = new(null, Powers.None);

    public static Viewer Of(Guid memberId, Func<string, bool> isInRole)
    {
        ArgumentNullException.ThrowIfNull(isInRole);
        var powers = Powers.None;
        if (isInRole(Roles.Staff) || isInRole(Roles.Executive))
        {
            powers |= Powers.StaffSide | Powers.SpeakForTheCompany;
        }

        if (isInRole(Roles.Moderator))
        {
            powers |= Powers.StaffSide | Powers.Moderate;
        }

        if (isInRole(Roles.Admin))
        {
            powers |= Powers.StaffSide | Powers.SpeakForTheCompany | Powers.Moderate | Powers.Administer;
        }

        return new Viewer(memberId, powers);
    }

    public static Viewer Of(Guid memberId, IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        return Of(memberId, held.Contains);
    }

    public bool IsSignedIn => MemberId is not null;

    public bool Has(Powers power) => power == Powers.None ? IsSignedIn : (Powers & power) == power;

    public bool Moderates => Has(Powers.Moderate);

    public bool IsStaffSide => Has(Powers.StaffSide);

    public bool SpeaksForTheCompany => Has(Powers.SpeakForTheCompany);

    public bool Is(Guid memberId) => MemberId == memberId;
}

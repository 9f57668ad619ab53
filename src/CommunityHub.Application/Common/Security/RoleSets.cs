using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;

namespace CommunityHub.Application.Common.Security;

/// <summary>The groups of roles that share a power, for <see cref="AuthorizeAttribute.Roles"/> and for handlers.</summary>
public static class RoleSets
{
    /// <summary>Moderate threads, posts, flags and members.</summary>
    public const string Moderators = Roles.Moderator + "," + Roles.Admin;

    /// <summary>Speak for the company: mark an official answer.</summary>
    public const string CompanyVoices = Roles.Staff + "," + Roles.Executive + "," + Roles.Admin;

    /// <summary>Read and write staff notes (as <see cref="Viewer.SeesStaffNotes"/>).</summary>
    public const string StaffSide = Roles.Staff + "," + Roles.Executive + "," + Roles.Moderator + "," + Roles.Admin;

    public static bool Moderates(this ICurrentUser user) => user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Admin);

    public static bool SpeaksForTheCompany(this ICurrentUser user) =>
        user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Executive) || user.IsInRole(Roles.Admin);
}

using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Members;

/// <summary>A member ignores another: the other's posts collapse on their pages, and nothing the other does (an
/// @mention, a reply, any news) notifies them. One row per pair, in one direction.</summary>
public sealed class IgnoredMember
{
    private IgnoredMember(Guid ignorerId, Guid ignoredId, DateTimeOffset since)
    {
        IgnorerId = ignorerId;
        IgnoredId = ignoredId;
        Since = since;
    }

    public Guid IgnorerId { get; private set; }

    public Guid IgnoredId { get; private set; }

    public DateTimeOffset Since { get; private set; }

    /// <summary>Whether anyone may ignore this member (as their roles make them): not a moderator or one of the
    /// company's people, who must always be able to reach a member. A profile asks it before offering "Ignore".</summary>
    public static bool MayBeIgnored(Viewer member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return !(member.IsStaffSide || member.Moderates);
    }

    /// <summary><paramref name="ignorer"/> starts ignoring <paramref name="ignored"/> (as their roles make them):
    /// never themselves, never a moderator or one of the company's people, who must always be able to reach a member.</summary>
    public static IgnoredMember Start(Viewer ignorer, Viewer ignored, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ignorer);
        ArgumentNullException.ThrowIfNull(ignored);
        if (!ignorer.IsSignedIn)
        {
            throw new ForbiddenException("Sign in to ignore a member.");
        }

        if (ignorer.MemberId == ignored.MemberId)
        {
            throw new DomainException("You cannot ignore yourself.");
        }

        if (!MayBeIgnored(ignored))
        {
            throw new DomainException("Moderators and staff cannot be ignored: they must be able to reach every member. If one of them troubles you, tell an administrator.");
        }

        return new IgnoredMember(ignorer.MemberId!.Value, ignored.MemberId!.Value, now);
    }
}

namespace CommunityHub.Domain.Trust;

/// <summary>How far the community trusts a member, earned by taking part and, above all, by help others confirmed.
/// Stored by name where stored (a moderator's lock), so the order here is the order of trust.</summary>
public enum TrustLevel
{
    New = 0,
    Member = 1,
    Regular = 2,
    Leader = 3,
}

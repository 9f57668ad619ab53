namespace CommunityHub.Domain.Members;

/// <summary>Who speaks for the company: the badge shown beside a member's name on every post.</summary>
public enum MemberBadge
{
    None = 0,
    Staff = 1,
    Executive = 2,

    /// <summary>A bot member a service token acts as (the REST API): people see a script wrote the post.</summary>
    Bot = 3,
}

namespace CommunityHub.Domain.Groups;

/// <summary>Who may @mention a group by its handle, telling its members (<see cref="Threads.ConversationPolicy.MayMentionGroup"/>).</summary>
public enum GroupMentions
{
    /// <summary>Nobody (the default): the handle is plain text.</summary>
    Nobody = 0,

    /// <summary>The staff side: staff, executives, moderators and admins.</summary>
    StaffSide = 1,

    /// <summary>The group's own members (and nobody else).</summary>
    GroupMembers = 2,

    /// <summary>Any signed-in member.</summary>
    AnyMember = 3,
}

public static class GroupMentionsText
{
    /// <summary>"nobody", "the staff side"...: how a page says who may use a group's handle.</summary>
    public static string Describe(this GroupMentions who) => who switch
    {
        GroupMentions.StaffSide => "the staff side (staff, executives, moderators, admins)",
        GroupMentions.GroupMembers => "the group's own members",
        GroupMentions.AnyMember => "any member",
        _ => "nobody",
    };
}

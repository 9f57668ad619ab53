using CommunityHub.Domain.Common;
using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Threads;
using static CommunityHub.Domain.Tests.Conversations;

namespace CommunityHub.Domain.Tests;

/// <summary>Who may @mention a group (the group's setting, asked of the one policy), and the group's handle.</summary>
public sealed class GroupMentionTests
{
    private static readonly Guid Admin = Guid.NewGuid();

    [Fact]
    public void The_setting_says_who_may_mention_a_group()
    {
        var member = AMember();
        var staff = AStaffMember();
        var moderator = AModerator();

        Assert.All([member, staff, moderator], v => Assert.False(ConversationPolicy.MayMentionGroup(v, GroupMentions.Nobody, authorIsInGroup: true)));
        Assert.False(ConversationPolicy.MayMentionGroup(member, GroupMentions.StaffSide, authorIsInGroup: true));
        Assert.True(ConversationPolicy.MayMentionGroup(staff, GroupMentions.StaffSide, authorIsInGroup: false));
        Assert.True(ConversationPolicy.MayMentionGroup(moderator, GroupMentions.StaffSide, authorIsInGroup: false));
        Assert.True(ConversationPolicy.MayMentionGroup(member, GroupMentions.GroupMembers, authorIsInGroup: true));
        Assert.False(ConversationPolicy.MayMentionGroup(member, GroupMentions.GroupMembers, authorIsInGroup: false));
        Assert.False(ConversationPolicy.MayMentionGroup(staff, GroupMentions.GroupMembers, authorIsInGroup: false));
        Assert.True(ConversationPolicy.MayMentionGroup(member, GroupMentions.AnyMember, authorIsInGroup: false));
        Assert.False(ConversationPolicy.MayMentionGroup(Viewer.Anonymous, GroupMentions.AnyMember, authorIsInGroup: false));
    }

    [Fact]
    public void A_group_takes_a_handle_as_a_member_would_write_it_and_the_change_is_audited()
    {
        var group = MemberGroup.Create(4, "Beta programme", "", Admin, Now);
        Assert.Equal((null, GroupMentions.Nobody), (group.MentionHandle, group.MentionableBy));

        group.MentionAs(" @Beta ", GroupMentions.StaffSide, Admin, Now);

        Assert.Equal(("beta", GroupMentions.StaffSide), (group.MentionHandle, group.MentionableBy));
        var audited = Assert.IsType<CommunityAdministered>(group.TakeDomainEvents()[^1]);
        Assert.Contains("@beta mentions Beta programme", audited.Detail, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => group.MentionAs("not a handle", GroupMentions.AnyMember, Admin, Now));
        Assert.Throws<DomainException>(() => group.MentionAs("beta", (GroupMentions)9, Admin, Now));

        group.MentionAs("", GroupMentions.AnyMember, Admin, Now);
        Assert.Null(group.MentionHandle);
    }

    [Fact]
    public void A_post_keeps_the_groups_it_tells_apart_from_its_personal_mentions()
    {
        var thread = AThread(draft: new PostDraft("@beta hello", "<p>@beta hello</p>", [], Guid.NewGuid(), [7, 7]));
        var reply = thread.AReply(draft: new PostDraft("@beta and @carl", "<p>@beta and @carl</p>", [Guid.NewGuid()], Guid.NewGuid(), [7]));

        Assert.Equal(7, Assert.Single(thread.Posts.Single(p => p.IsOpeningPost).MentionedGroupIds));
        Assert.Empty(thread.Posts.Single(p => p.IsOpeningPost).Mentions);
        Assert.Equal(7, Assert.Single(reply.MentionedGroupIds));
        Assert.Single(reply.Mentions);
    }
}

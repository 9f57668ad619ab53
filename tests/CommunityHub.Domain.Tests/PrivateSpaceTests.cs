using CommunityHub.Domain.Common;
using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Threads;
using static CommunityHub.Domain.Tests.Conversations;

namespace CommunityHub.Domain.Tests;

/// <summary>Groups and the spaces restricted to them: the policy's answer for a space in hand (<see cref="ConversationPolicy.MayEnter"/>);
/// its query expressions are proved against PostgreSQL in the application tests (VisibilityEverywhereTests).</summary>
public sealed class PrivateSpaceTests
{
    private static readonly Guid Admin = Guid.NewGuid();

    [Fact]
    public void A_space_open_to_everyone_is_entered_by_anyone_even_signed_out()
    {
        Assert.True(ConversationPolicy.MayEnter(Viewer.Anonymous, [], []));
        Assert.True(ConversationPolicy.MayEnter(AMember(), [], []));
    }

    [Fact]
    public void A_restricted_space_is_entered_by_a_member_of_any_of_its_groups_and_by_the_staff_side_only()
    {
        int[] space = [1, 2];

        Assert.True(ConversationPolicy.MayEnter(AMember(), space, [2]));
        Assert.False(ConversationPolicy.MayEnter(AMember(), space, [3]));
        Assert.False(ConversationPolicy.MayEnter(AMember(), space, []));
        Assert.False(ConversationPolicy.MayEnter(Viewer.Anonymous, space, [1]));
        Assert.True(ConversationPolicy.MayEnter(AModerator(), space, []));
        Assert.True(ConversationPolicy.MayEnter(AStaffMember(), space, []));
    }

    [Fact]
    public void The_query_expression_lets_the_staff_side_into_a_restricted_space_without_asking_who_is_in_the_group()
    {
        // Compiled in memory: the staff side short-circuits before the (unloaded) groups are read; anyone else needs them.
        var space = Space.Create("Beta", "beta", "Trying what is next.", 1);
        space.RestrictTo([MemberGroup.Create(7, "Beta programme", "", Admin, Now)], Admin, Now);

        Assert.True(ConversationPolicy.SpaceOpenTo(AModerator()).Compile()(space));
        Assert.True(ConversationPolicy.SpaceOpenTo(AMember()).Compile()(Space.Create("Open", "open", "For all.", 2)));
    }

    [Fact]
    public void Restricting_a_space_records_to_whom_and_opening_it_again_says_so()
    {
        var space = Space.Create("Beta", "beta", "Trying what is next.", 1);
        var partners = MemberGroup.Create(8, "Partners", "", Admin, Now);
        var beta = MemberGroup.Create(7, "Beta programme", "", Admin, Now);

        space.RestrictTo([partners, beta], Admin, Now);
        Assert.Equal([7, 8], space.Access.Select(a => a.GroupId).Order());
        space.RestrictTo([], Admin, Now);

        var details = space.TakeDomainEvents().OfType<CommunityAdministered>().Select(e => (e.Action, e.Detail)).ToList();
        Assert.Equal([(ModerationAction.RestrictSpace, "Beta is private to Beta programme, Partners"), (ModerationAction.RestrictSpace, "Beta is open to everyone")], details);
        Assert.Empty(space.Access);
        Assert.Equal("Beta is open to everyone already.", Assert.Throws<DomainException>(() => space.RestrictTo([], Admin, Now)).Message);
    }

    [Fact]
    public void A_member_is_in_a_group_once_and_taken_out_only_when_in_it()
    {
        var group = MemberGroup.Create(7, "Beta programme", "Customers trying what is next.", Admin, Now);
        var dana = Guid.NewGuid();

        group.Add(dana, "Dana", Admin, Now);
        Assert.True(group.Includes(dana));
        Assert.Equal("Dana is in Beta programme already.", Assert.Throws<DomainException>(() => group.Add(dana, "Dana", Admin, Now)).Message);
        group.Remove(dana, "Dana", Admin, Now);
        Assert.False(group.Includes(dana));
        Assert.Equal("Dana is not in Beta programme.", Assert.Throws<DomainException>(() => group.Remove(dana, "Dana", Admin, Now)).Message);
        Assert.Equal(
            [ModerationAction.CreateGroup, ModerationAction.AddToGroup, ModerationAction.RemoveFromGroup],
            group.TakeDomainEvents().OfType<CommunityAdministered>().Select(e => e.Action));
    }

    [Fact]
    public void A_group_needs_a_name()
    {
        Assert.Equal("A group's name cannot be empty.", Assert.Throws<DomainException>(() => MemberGroup.Create(1, "  ", "", Admin, Now)).Message);
    }
}

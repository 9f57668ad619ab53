using CommunityHub.Domain.Common;
using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Registration;

namespace CommunityHub.Domain.Tests;

/// <summary>Groups that fill themselves: by a confirmed address at one of their e-mail domains, or by the sign-in
/// provider's groups claim; members an admin added stay whatever the rules say.</summary>
public sealed class GroupJoiningTests
{
    private static readonly Guid Admin = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static MemberGroup Partners(string domains = "partner.test", string? signInGroup = "partners")
    {
        var group = MemberGroup.Create(3, "Partners", "", Admin, Now);
        group.JoinBy(EmailDomains.Parse(domains), signInGroup, Admin, Now);
        return group;
    }

    [Fact]
    public void A_confirmed_address_at_a_domain_joins_and_one_elsewhere_does_not()
    {
        var group = Partners();
        var dana = Guid.NewGuid();
        var erik = Guid.NewGuid();

        Assert.True(group.Follow(dana, "Dana@Partner.test", null, Now));
        Assert.False(group.Follow(erik, "erik@sub.partner.test", null, Now));
        Assert.False(group.Follow(erik, null, null, Now));

        Assert.Equal(GroupSource.EmailDomain, group.Members.Single().Source);
        Assert.Equal(dana, group.Members.Single().MemberId);
    }

    [Fact]
    public void A_member_leaves_when_their_address_moves_away_from_the_domains()
    {
        var group = Partners();
        var dana = Guid.NewGuid();
        group.Follow(dana, "dana@partner.test", null, Now);

        Assert.True(group.Follow(dana, "dana@elsewhere.test", null, Now));

        Assert.Empty(group.Members);
    }

    [Fact]
    public void The_sign_in_group_puts_a_member_in_and_a_sign_in_without_it_takes_them_out()
    {
        var group = Partners(domains: "");
        var dana = Guid.NewGuid();

        Assert.True(group.Follow(dana, "dana@anywhere.test", ["staff", "partners"], Now));
        Assert.Equal(GroupSource.SignIn, group.Members.Single().Source);
        // Between sign-ins nothing is known of the provider's groups: the membership stays.
        Assert.False(group.Follow(dana, "dana@anywhere.test", null, Now));
        Assert.Single(group.Members);
        // The claim is compared exactly, as the provider sends it.
        Assert.True(group.Follow(dana, "dana@anywhere.test", ["Partners"], Now));
        Assert.Empty(group.Members);
    }

    [Fact]
    public void A_member_an_admin_added_stays_whatever_the_rules_say_and_cannot_be_added_twice()
    {
        var group = Partners();
        var dana = Guid.NewGuid();
        group.Add(dana, "Dana", Admin, Now);

        Assert.False(group.Follow(dana, "dana@elsewhere.test", [], Now));

        Assert.Equal(GroupSource.Admin, group.Members.Single().Source);
        Assert.Equal("Dana is in Partners already.", Assert.Throws<DomainException>(() => group.Add(dana, "Dana", Admin, Now)).Message);
    }

    [Fact]
    public void An_admin_keeps_by_hand_a_member_who_joined_by_themselves_but_cannot_take_them_out()
    {
        var group = Partners();
        var dana = Guid.NewGuid();
        var erik = Guid.NewGuid();
        group.Follow(dana, "dana@partner.test", null, Now);
        group.Follow(erik, "erik@partner.test", null, Now);

        group.Add(dana, "Dana", Admin, Now);
        var refused = Assert.Throws<DomainException>(() => group.Remove(erik, "Erik", Admin, Now));

        Assert.Equal(GroupSource.Admin, group.Members.Single(m => m.MemberId == dana).Source);
        Assert.Equal("Erik is in Partners by their e-mail address; change who joins by themselves to take them out.", refused.Message);
        group.Remove(dana, "Dana", Admin, Now);
        Assert.Equal([erik], group.Members.Select(m => m.MemberId));
    }

    [Fact]
    public void Setting_the_rules_is_in_the_audit_log_once_per_change_and_a_long_sign_in_group_is_refused()
    {
        var group = MemberGroup.Create(3, "Partners", "", Admin, Now);
        group.TakeDomainEvents();

        group.JoinBy(EmailDomains.Parse("b.test a.test"), "partners", Admin, Now);
        group.JoinBy(EmailDomains.Parse("a.test\nb.test"), "partners", Admin, Now);
        group.JoinBy(EmailDomains.None, null, Admin, Now);

        var entries = group.TakeDomainEvents().OfType<CommunityAdministered>().ToList();
        Assert.Equal(
            ["Members join Partners by a confirmed address at a.test and b.test or the sign-in group \u201cpartners\u201d", "Members join Partners only by hand"],
            entries.Select(e => e.Detail));
        Assert.All(entries, e => Assert.Equal(ModerationAction.EditGroup, e.Action));
        Assert.False(group.FillsItself);
        Assert.Throws<DomainException>(() => group.JoinBy(EmailDomains.None, new string('g', MemberGroup.SignInGroupMaxLength + 1), Admin, Now));
    }
}

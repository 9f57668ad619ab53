using CommunityHub.Domain.Common;
using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Registration;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Threads;
using static CommunityHub.Domain.Tests.Conversations;

namespace CommunityHub.Domain.Tests;

/// <summary>The rules of the door (issue 14): e-mail domain lists, invite links, members-only spaces and feed keys.</summary>
public sealed class RegistrationGateTests
{
    private static readonly Guid Admin = Guid.NewGuid();

    [Fact]
    public void A_domain_list_is_read_as_an_admin_writes_it_and_matches_whole_domains_only()
    {
        var domains = EmailDomains.Parse("@Example.com, partner.org\nexample.com  ");

        Assert.Equal(["example.com", "partner.org"], domains.Domains);
        Assert.True(domains.Includes("dana@EXAMPLE.com"));
        Assert.True(domains.Includes("lee@partner.org"));
        Assert.False(domains.Includes("mallory@evil-example.com"));
        Assert.False(domains.Includes("mallory@sub.example.com"));
        Assert.False(domains.Includes("example.com"));
        Assert.False(domains.Includes("mallory@example.com.evil.net"));
        Assert.Equal("example.com and partner.org", domains.Describe());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("exa mple.com,-bad.com")]
    [InlineData("bad-.com")]
    [InlineData("ex_ample.com")]
    [InlineData("a..com")]
    public void A_malformed_domain_is_refused_by_name(string text)
    {
        var refused = Assert.Throws<DomainException>(() => EmailDomains.Parse(text));
        Assert.Contains("is not an e-mail domain", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_is_no_rule()
    {
        Assert.True(EmailDomains.Parse("  ").IsEmpty);
        Assert.False(EmailDomains.None.Includes("dana@example.com"));
    }

    [Fact]
    public void An_invite_lets_people_in_until_its_uses_run_out()
    {
        var invite = Invite.Create("Partners", null, 2, Admin, Now);

        invite.Redeem(Now);
        invite.Redeem(Now);

        Assert.Equal(InviteState.UsedUp, invite.StateAt(Now));
        var refused = Assert.Throws<DomainException>(() => invite.Redeem(Now));
        Assert.Contains("used as many times as it allows", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, invite.Uses);
    }

    [Fact]
    public void An_invite_expires_at_its_time_and_a_withdrawn_one_says_so()
    {
        var expiring = Invite.Create(null, Now.AddDays(1), null, Admin, Now);
        Assert.True(expiring.IsUsable(Now.AddHours(23)));
        Assert.Equal(InviteState.Expired, expiring.StateAt(Now.AddDays(1)));
        Assert.Contains("expired", expiring.Refusal(Now.AddDays(2)), StringComparison.Ordinal);

        var withdrawn = Invite.Create("Beta", null, null, Admin, Now);
        withdrawn.Revoke(Admin, Now);
        Assert.Contains("withdrawn", withdrawn.Refusal(Now), StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => withdrawn.Revoke(Admin, Now));
        Assert.Throws<DomainException>(() => withdrawn.Redeem(Now));
    }

    [Fact]
    public void An_invite_code_is_long_random_and_url_safe_and_its_making_is_audited()
    {
        var first = Invite.Create("Partners", null, null, Admin, Now);
        var second = Invite.Create("Partners", null, null, Admin, Now);

        Assert.Equal(Invite.CodeLength, first.Code.Length);
        Assert.NotEqual(first.Code, second.Code);
        Assert.All(first.Code, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        var audit = Assert.Single(first.TakeDomainEvents().OfType<CommunityAdministered>());
        Assert.Equal((ModerationAction.CreateInvite, "Invite \u201cPartners\u201d"), (audit.Action, audit.Detail));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(Invite.MaxUsesLimit + 1)]
    public void An_invite_takes_a_sensible_number_of_uses(int uses) =>
        Assert.Throws<DomainException>(() => Invite.Create(null, null, uses, Admin, Now));

    [Fact]
    public void An_invite_cannot_expire_in_the_past() =>
        Assert.Throws<DomainException>(() => Invite.Create(null, Now.AddMinutes(-1), null, Admin, Now));

    [Fact]
    public void A_members_only_space_is_entered_by_signed_in_members_and_the_staff_side_not_by_visitors()
    {
        Assert.False(ConversationPolicy.MayEnter(Viewer.Anonymous, [], [], membersOnly: true));
        Assert.True(ConversationPolicy.MayEnter(AMember(), [], [], membersOnly: true));
        Assert.True(ConversationPolicy.MayEnter(AStaffMember(), [], [], membersOnly: true));

        var space = Space.Create("Customers", "customers", "For customers.", 1);
        space.OpenTo(SpaceAudience.Members, [], Admin, Now);
        Assert.False(ConversationPolicy.SpaceOpenTo(Viewer.Anonymous).Compile()(space));
        Assert.True(ConversationPolicy.SpaceOpenTo(AMember()).Compile()(space));
        Assert.True(ConversationPolicy.SpaceOpenTo(AModerator()).Compile()(space));
    }

    [Fact]
    public void A_space_moves_between_its_three_audiences_and_each_move_is_audited()
    {
        var space = Space.Create("Beta", "beta", "Trying what is next.", 1);
        var beta = MemberGroup.Create(7, "Beta programme", "", Admin, Now);

        space.OpenTo(SpaceAudience.Members, [beta], Admin, Now);
        Assert.Equal(SpaceAudience.Members, space.Audience);
        Assert.Empty(space.Access);
        Assert.Throws<DomainException>(() => space.OpenTo(SpaceAudience.Members, [], Admin, Now));
        Assert.Throws<DomainException>(() => space.OpenTo(SpaceAudience.Groups, [], Admin, Now));
        space.OpenTo(SpaceAudience.Groups, [beta], Admin, Now);
        Assert.Equal(SpaceAudience.Groups, space.Audience);
        Assert.False(space.MembersOnly);
        space.OpenTo(SpaceAudience.Everyone, [], Admin, Now);

        var details = space.TakeDomainEvents().OfType<CommunityAdministered>().Select(e => e.Detail).ToList();
        Assert.Equal(["Beta is open to signed-in members only", "Beta is private to Beta programme", "Beta is open to everyone"], details);
    }

    [Fact]
    public void A_new_feed_key_replaces_the_old_one()
    {
        var key = FeedKey.Issue(Guid.NewGuid(), Now);
        var old = key.Key;

        key.Renew(Now.AddDays(1));

        Assert.NotEqual(old, key.Key);
        Assert.Equal(FeedKey.KeyLength, key.Key.Length);
    }
}

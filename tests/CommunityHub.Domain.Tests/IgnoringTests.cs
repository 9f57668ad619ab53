using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using static CommunityHub.Domain.Tests.Conversations;

namespace CommunityHub.Domain.Tests;

/// <summary>Who may be ignored: any member but oneself, never a moderator or one of the company's people.</summary>
public sealed class IgnoringTests
{
    [Fact]
    public void A_member_ignores_another_member()
    {
        var alice = AMember();
        var bruno = AMember();

        var row = IgnoredMember.Start(alice, bruno, Now);

        Assert.Equal((alice.MemberId!.Value, bruno.MemberId!.Value, Now), (row.IgnorerId, row.IgnoredId, row.Since));
    }

    [Fact]
    public void Moderators_staff_executives_and_admins_cannot_be_ignored_and_the_refusal_says_why()
    {
        foreach (var role in new[] { Roles.Moderator, Roles.Staff, Roles.Executive, Roles.Admin })
        {
            var refused = Assert.Throws<DomainException>(() => IgnoredMember.Start(AMember(), Viewer.Of(Guid.NewGuid(), [Roles.Member, role]), Now));
            Assert.Contains("Moderators and staff cannot be ignored", refused.Message, StringComparison.Ordinal);
            Assert.False(IgnoredMember.MayBeIgnored(Viewer.Of(Guid.NewGuid(), [Roles.Member, role])));
        }

        Assert.True(IgnoredMember.MayBeIgnored(Viewer.Of(Guid.NewGuid(), [Roles.Member])));
    }

    [Fact]
    public void Nobody_ignores_themselves_and_a_visitor_ignores_nobody()
    {
        var alice = AMember();

        Assert.Throws<DomainException>(() => IgnoredMember.Start(alice, alice, Now));
        Assert.Throws<ForbiddenException>(() => IgnoredMember.Start(Viewer.Anonymous, AMember(), Now));
    }
}

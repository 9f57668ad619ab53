using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;

namespace CommunityHub.Domain.Tests;

public sealed class MemberTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Joining_trims_the_display_name_and_records_when()
    {
        var member = Member.Join(Guid.NewGuid(), "  Alice Chen  ", "alice-chen", Now);

        Assert.Equal("Alice Chen", member.DisplayName);
        Assert.Equal(Now, member.JoinedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void A_blank_display_name_is_refused(string name) =>
        Assert.Throws<DomainException>(() => Member.Join(Guid.NewGuid(), name, "someone", Now));

    [Fact]
    public void A_display_name_longer_than_the_limit_is_refused()
    {
        Member.Join(Guid.NewGuid(), new string('a', Member.DisplayNameMaxLength), "aaa", Now);
        Assert.Throws<DomainException>(() => Member.Join(Guid.NewGuid(), new string('a', Member.DisplayNameMaxLength + 1), "aaa", Now));
    }

    [Fact]
    public void A_member_needs_an_id() =>
        Assert.Throws<DomainException>(() => Member.Join(Guid.Empty, "Alice", "alice", Now));

    [Fact]
    public void Leaving_gives_a_handle_known_as_a_former_members()
    {
        var member = Member.Join(Guid.NewGuid(), "Alice Chen", "alice-chen", Now);
        Assert.False(Member.IsFormerHandle(member.Handle));

        member.Leave(Now);

        Assert.True(Member.IsFormerHandle(member.Handle));
        Assert.Equal(Member.FormerDisplayName, member.DisplayName);
    }

    [Theory]
    [InlineData("Former 0123456789abcdef0123")]
    [InlineData("Former 0123456789abcdef01")]
    [InlineData("former member")]
    public void No_handle_made_from_a_display_name_looks_like_a_former_members(string displayName)
    {
        var suggested = MemberHandle.Suggest(displayName);
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            Assert.False(Member.IsFormerHandle(MemberHandle.Numbered(suggested, attempt)));
        }
    }
}

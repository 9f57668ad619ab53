using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;

namespace CommunityHub.Domain.Tests;

public sealed class HandleTests
{
    [Theory]
    [InlineData("Alice Chen", "alice-chen")]
    [InlineData("Zoë O'Brien", "zoe-o-brien")]
    [InlineData("  --Dev__Sharma!! ", "dev-sharma")]
    [InlineData("李", "member")]
    [InlineData("X", "member")]
    [InlineData("A very long display name that goes on and on", "a-very-long-display-name")]
    public void A_handle_is_suggested_from_the_display_name(string displayName, string expected)
    {
        var handle = MemberHandle.Suggest(displayName);

        Assert.Equal(expected, handle);
        Assert.True(MemberHandle.IsValid(handle));
        Assert.True(MemberHandle.IsValid(MemberHandle.Numbered(handle, 99)));
    }

    [Theory]
    [InlineData("ab", true)]
    [InlineData("alice-chen2", true)]
    [InlineData("a", false)]
    [InlineData("Alice", false)]
    [InlineData("-alice", false)]
    [InlineData("alice-", false)]
    [InlineData("al--ice", false)]
    [InlineData("al_ice", false)]
    [InlineData("", false)]
    public void Only_lower_case_letters_digits_and_single_hyphens_make_a_handle(string handle, bool valid) =>
        Assert.Equal(valid, MemberHandle.IsValid(handle));

    [Fact]
    public void A_member_cannot_join_with_an_invalid_handle() =>
        Assert.Throws<DomainException>(() => Member.Join(Guid.NewGuid(), "Alice", "Alice!", DateTimeOffset.UnixEpoch));
}

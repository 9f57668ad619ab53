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

    [Fact]
    public void Registering_records_who_joined_and_how_while_a_row_made_by_join_records_nothing()
    {
        var registered = Member.Register(Guid.NewGuid(), "  Alice Chen  ", "alice-chen", RegistrationMethod.SingleSignOn, "Example Corp", viaInvite: true, Now);
        var bot = Member.Join(Guid.NewGuid(), "Release bot", "release-bot", Now);

        var joined = Assert.IsType<MemberRegistered>(Assert.Single(registered.TakeDomainEvents()));
        Assert.Equal(new MemberRegistered(registered.Id, "Alice Chen", "alice-chen", Now, RegistrationMethod.SingleSignOn, "Example Corp", true), joined);
        Assert.False(bot.HasDomainEvents);
    }

    [Theory]
    [InlineData(RegistrationMethod.SingleSignOn, null)]
    [InlineData(RegistrationMethod.SingleSignOn, " ")]
    [InlineData(RegistrationMethod.Password, "Example Corp")]
    public void A_single_sign_on_names_its_provider_and_a_password_registration_none(RegistrationMethod method, string? provider) =>
        Assert.Throws<DomainException>(() => Member.Register(Guid.NewGuid(), "Alice", "alice", method, provider, viaInvite: false, Now));

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

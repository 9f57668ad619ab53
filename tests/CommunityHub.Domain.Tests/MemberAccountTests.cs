using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;

namespace CommunityHub.Domain.Tests;

public sealed class MemberAccountTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static Member Alice() => Member.Join(Guid.NewGuid(), "Alice", "alice", Now);

    [Fact]
    public void Changing_the_handle_hands_back_the_old_one_to_keep()
    {
        var alice = Alice();

        var former = alice.ChangeHandle("alice-chen", Now);

        Assert.Equal(("alice", alice.Id, Now), (former!.Handle, former.MemberId, former.RetiredAt));
        Assert.Equal("alice-chen", alice.Handle);
        Assert.Null(alice.ChangeHandle("alice-chen", Now));
    }

    [Theory]
    [InlineData("Alice Chen!")]
    [InlineData("a")]
    [InlineData("-alice")]
    public void An_invalid_handle_is_refused(string handle) =>
        Assert.Throws<DomainException>(() => Alice().ChangeHandle(handle, Now));

    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData("America/Argentina/Buenos_Aires", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData("W. Europe Standard Time", false)]
    public void Time_zones_are_known_by_their_IANA_names(string zone, bool known) =>
        Assert.Equal(known, MemberTimeZone.IsKnown(zone));

    [Fact]
    public void An_unknown_time_zone_is_refused_and_blank_clears_it()
    {
        var alice = Alice();
        alice.UseTimeZone("Asia/Tokyo");

        Assert.Throws<DomainException>(() => alice.UseTimeZone("Asia/Atlantis"));
        Assert.Equal("Asia/Tokyo", alice.TimeZone);
        alice.UseTimeZone(" ");
        Assert.Null(alice.TimeZone);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com")]
    [InlineData("example.com")]
    public void Only_web_links_are_kept(string link) =>
        Assert.Throws<DomainException>(() => Alice().Describe("Alice", null, link));

    [Fact]
    public void A_long_organisation_from_a_provider_is_cut_not_refused()
    {
        var alice = Alice();

        alice.BelongTo(new string('x', 500));

        Assert.Equal(Member.OrganisationMaxLength, alice.Organisation!.Length);
    }

    [Fact]
    public void A_former_member_changes_nothing()
    {
        var alice = Alice();
        alice.Leave(Now);

        Assert.Throws<DomainException>(() => alice.Describe("Back", null, null));
        Assert.Throws<DomainException>(() => alice.ChangeHandle("back-again", Now));
    }
}

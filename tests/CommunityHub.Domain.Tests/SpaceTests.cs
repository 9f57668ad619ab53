using CommunityHub.Domain.Common;
using CommunityHub.Domain.Spaces;

namespace CommunityHub.Domain.Tests;

public sealed class SpaceTests
{
    [Theory]
    [InlineData("Questions & Answers", "questions-answers")]
    [InlineData("  Show and tell!  ", "show-and-tell")]
    [InlineData("Café Ideas", "cafe-ideas")]
    [InlineData("--Release  notes--", "release-notes")]
    [InlineData("v2.0 beta", "v2-0-beta")]
    public void A_slug_is_made_from_free_text(string text, string expected) =>
        Assert.Equal(expected, Slug.From(text));

    [Theory]
    [InlineData("questions", true)]
    [InlineData("show-and-tell", true)]
    [InlineData("Questions", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("-leading", false)]
    [InlineData("has space", false)]
    [InlineData("", false)]
    public void Only_canonical_slugs_are_valid(string candidate, bool valid) =>
        Assert.Equal(valid, Slug.IsValid(candidate));

    [Fact]
    public void Slugs_are_never_longer_than_the_limit() =>
        Assert.Equal(Slug.MaxLength, Slug.From(new string('x', 500)).Length);

    [Fact]
    public void A_space_has_a_name_a_valid_slug_and_a_purpose()
    {
        var space = Space.Create(" Ideas ", "ideas", " What should we build next? ", 3);

        Assert.Equal("Ideas", space.Name);
        Assert.Equal("ideas", space.Slug);
        Assert.Equal("What should we build next?", space.Purpose);
        Assert.Equal(0, space.ThreadCount);
        Assert.Null(space.LastActivityAt);
    }

    [Theory]
    [InlineData("", "ideas", "Purpose")]
    [InlineData("Ideas", "Not A Slug", "Purpose")]
    [InlineData("Ideas", "ideas", " ")]
    public void A_space_without_a_name_a_valid_slug_or_a_purpose_is_refused(string name, string slug, string purpose) =>
        Assert.Throws<DomainException>(() => Space.Create(name, slug, purpose, 1));
}

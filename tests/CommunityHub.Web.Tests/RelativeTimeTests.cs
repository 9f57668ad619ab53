using CommunityHub.Web.Dates;

namespace CommunityHub.Web.Tests;

public sealed class RelativeTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10, "just now")]
    [InlineData(60, "a minute ago")]
    [InlineData(5 * 60, "5 minutes ago")]
    [InlineData(60 * 60, "an hour ago")]
    [InlineData(3 * 3600, "3 hours ago")]
    [InlineData(26 * 3600, "yesterday")]
    [InlineData(4 * 86400, "4 days ago")]
    [InlineData(35 * 86400, "a month ago")]
    [InlineData(100 * 86400, "3 months ago")]
    [InlineData(400 * 86400, "a year ago")]
    [InlineData(3 * 365 * 86400, "3 years ago")]
    [InlineData(-120, "just now")]
    public void Times_read_the_way_people_say_them(int secondsAgo, string expected) =>
        Assert.Equal(expected, RelativeTime.Describe(Now.AddSeconds(-secondsAgo), Now));

    [Fact]
    public void The_exact_time_is_in_UTC_whatever_the_offset_it_was_recorded_with() =>
        Assert.Equal("23 November 2026, 10:30 UTC", RelativeTime.Exact(new DateTimeOffset(2026, 11, 23, 12, 30, 0, TimeSpan.FromHours(2))));
}

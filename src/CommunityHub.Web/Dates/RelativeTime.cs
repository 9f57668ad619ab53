using System.Globalization;

namespace CommunityHub.Web.Dates;

/// <summary>"3 hours ago" for people, the exact time for the hover and for machines.</summary>
public static class RelativeTime
{
    public static string Describe(DateTimeOffset at, DateTimeOffset now)
    {
        var elapsed = now - at;
        if (elapsed < TimeSpan.Zero)
        {
            return "just now"; // Clocks of two servers may disagree by a little.
        }

        return elapsed switch
        {
            { TotalSeconds: < 45 } => "just now",
            { TotalMinutes: < 1.5 } => "a minute ago",
            { TotalMinutes: < 45 } => $"{Math.Round(elapsed.TotalMinutes)} minutes ago",
            { TotalMinutes: < 90 } => "an hour ago",
            { TotalHours: < 22 } => $"{Math.Round(elapsed.TotalHours)} hours ago",
            { TotalHours: < 36 } => "yesterday",
            { TotalDays: < 26 } => $"{Math.Round(elapsed.TotalDays)} days ago",
            { TotalDays: < 45 } => "a month ago",
            { TotalDays: < 320 } => $"{Math.Max(2, Math.Round(elapsed.TotalDays / 30.44))} months ago",
            { TotalDays: < 548 } => "a year ago",
            _ => $"{Math.Round(elapsed.TotalDays / 365.25)} years ago",
        };
    }

    /// <summary>The exact time shown on hover, in UTC so that every reader sees the same text.</summary>
    public static string Exact(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The exact time in the viewer's zone, named ("23 November 2026, 06:53 Europe/Berlin").</summary>
    public static string Exact(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone == TimeZoneInfo.Utc || zone.Id == "UTC")
        {
            return Exact(at);
        }

        return TimeZoneInfo.ConvertTime(at, zone).ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id;
    }

    public static string Machine(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

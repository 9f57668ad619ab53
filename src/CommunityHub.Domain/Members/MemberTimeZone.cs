namespace CommunityHub.Domain.Members;

/// <summary>Time zones by their IANA names ("America/New_York"), as the operating system's database knows them.</summary>
public static class MemberTimeZone
{
    /// <summary>Every IANA zone name this server knows, sorted, for a picker.</summary>
    public static IReadOnlyList<string> All { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.HasIanaId ? z.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : z.Id)
        .Append("UTC")
        .Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC")
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static bool IsKnown(string? zone) =>
        !string.IsNullOrWhiteSpace(zone)
        && zone.Length <= Member.TimeZoneMaxLength
        && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found)
        && (found.HasIanaId || zone == "UTC");

    /// <summary>The zone, or UTC for null or an unknown name (a browser may send anything).</summary>
    public static TimeZoneInfo Find(string? zone) =>
        IsKnown(zone) && TimeZoneInfo.TryFindSystemTimeZoneById(zone!, out var found) ? found : TimeZoneInfo.Utc;
}

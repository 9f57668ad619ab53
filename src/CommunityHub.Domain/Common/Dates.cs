using System.Globalization;

namespace CommunityHub.Domain.Common;

public static class Dates
{
    /// <summary>The same wording as the pages' hover text, for messages the rules write ("until 3 December 2026, 09:00 UTC").</summary>
    public static string Exact(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

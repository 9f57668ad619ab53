using System.Globalization;

namespace CommunityHub.Application.Common.Paging;

/// <summary>A position in a space's thread list (pinned first, then latest activity, then id, all
/// descending), carried in the URL as "after=…". Keyset paging: the next page starts strictly after it.</summary>
public readonly record struct ThreadCursor(bool Pinned, DateTimeOffset LastActivityAt, long ThreadId)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Pinned ? 'p' : 'n')}{LastActivityAt.UtcTicks}-{ThreadId}");

    public static bool TryParse(string? text, out ThreadCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64 || text[0] is not ('p' or 'n'))
        {
            return false;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 2
            || !long.TryParse(text.AsSpan(1, dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new ThreadCursor(text[0] == 'p', new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}

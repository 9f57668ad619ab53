using System.Globalization;

namespace CommunityHub.Application.Common.Paging;

/// <summary>A position in a thread list, carried in the URL as "after=…": pinned or not, the value of the list's
/// order (latest activity or start as UTC ticks, or a count for "top") and the thread's id, all descending. Keyset
/// paging: the next page starts strictly after it.</summary>
public readonly record struct ThreadCursor(bool Pinned, long Key, long ThreadId)
{
    public ThreadCursor(bool pinned, DateTimeOffset at, long threadId)
        : this(pinned, at.UtcTicks, threadId)
    {
    }

    /// <summary>The key as a moment, for the orders by time.</summary>
    public DateTimeOffset At => new(Math.Clamp(Key, 0, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Pinned ? 'p' : 'n')}{Key}-{ThreadId}");

    public static bool TryParse(string? text, out ThreadCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64 || text[0] is not ('p' or 'n'))
        {
            return false;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 2
            || !long.TryParse(text.AsSpan(1, dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || key > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new ThreadCursor(text[0] == 'p', key, id);
        return true;
    }
}

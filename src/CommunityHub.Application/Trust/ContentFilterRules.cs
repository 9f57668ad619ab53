using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Safety;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Trust;

/// <summary>The admins' watched words and link rules, held in memory for <see cref="Lifetime"/> so that a post costs no
/// statement for them. A change made on this instance takes effect at once; another instance of the app picks it up
/// within <see cref="Lifetime"/>.</summary>
public sealed class ContentFilterRules(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private Snapshot? _current;

    public async Task<(IReadOnlyList<WatchedWord> Words, IReadOnlyList<LinkRule> Links)> GetAsync(ICommunityDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        if (_current is { } held && now - held.At < Lifetime && now >= held.At)
        {
            return (held.Words, held.Links);
        }

        var words = await db.WatchedWords.AsNoTracking().OrderBy(w => w.Id).ToListAsync(cancellationToken);
        var links = await db.LinkRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        _current = new Snapshot(words, links, now);
        return (words, links);
    }

    /// <summary>An admin changed the rules: the next post reads them again.</summary>
    public void Forget() => _current = null;

    private sealed record Snapshot(IReadOnlyList<WatchedWord> Words, IReadOnlyList<LinkRule> Links, DateTimeOffset At);
}

namespace CommunityHub.Infrastructure.Persistence.Changes;

/// <summary>What a committed write changed of what visitors read: the threads whose pages changed (their lists too,
/// which show counts and last activity), or everything (a member's name, a space, anything not tied to one thread).</summary>
public sealed record ContentChange(IReadOnlySet<long> Threads, bool Everything)
{
    /// <summary>More thread ids than this in one change are sent as "everything" (a notification's payload is small).</summary>
    internal const int MostThreadsNamed = 200;

    public static ContentChange All { get; } = new(new HashSet<long>(), true);

    public static ContentChange OfThreads(IEnumerable<long> threads)
    {
        var named = threads.ToHashSet();
        return named.Count > MostThreadsNamed ? All : new ContentChange(named, false);
    }

    public ContentChange With(ContentChange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Everything || other.Everything ? All : OfThreads(Threads.Concat(other.Threads));
    }

    /// <summary>The payload of the PostgreSQL notification that tells the other instances: "*" or the thread ids.</summary>
    public string ToPayload() => Everything ? "*" : string.Join(',', Threads);

    /// <summary>A payload this instance cannot read stands for everything: evicting too much is only slower.</summary>
    public static ContentChange FromPayload(string? payload)
    {
        if (string.IsNullOrEmpty(payload) || payload == "*")
        {
            return All;
        }

        var threads = new HashSet<long>();
        foreach (var part in payload.Split(','))
        {
            if (!long.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                return All;
            }

            threads.Add(id);
        }

        return new ContentChange(threads, false);
    }
}

/// <summary>Whoever keeps copies of what visitors read (the web's page cache) hears here what changed, once the write
/// has committed: from this instance's own writes at once, from the other instances' through PostgreSQL's
/// LISTEN/NOTIFY (<see cref="ContentChangeListener"/>).</summary>
public sealed class ContentChanges
{
    public const string Channel = "communityhub_content";

    /// <summary>Who this instance is in its notifications: it has published its own changes at their commit already,
    /// and must not take them for another's when they come back (a change heard moves <see cref="Generation"/>).</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private volatile bool _listening;
    private long _generation;

    /// <summary>Raised after a commit, on the committing thread or the listener's.</summary>
    public event Action<ContentChange>? Changed;

    /// <summary>Whether this instance hears the other instances' changes now. While it does not (starting, or the
    /// listening connection lost), a copy could outlive a change made elsewhere, so none may be kept or served.</summary>
    public bool Listening => _listening;

    /// <summary>Moves forward with every change heard: a copy made by a request that began before a change must not
    /// be kept, and this says whether one came in meanwhile.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The notification's payload for a change this instance committed.</summary>
    public string Announcement(ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $"{_instance}/{change.ToPayload()}";
    }

    /// <summary>A notification heard on <see cref="Channel"/>: another instance's change is published here.</summary>
    public void Hear(string? payload)
    {
        var slash = payload?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash >= 0 && payload.AsSpan(0, slash).SequenceEqual(_instance))
        {
            return;
        }

        Publish(ContentChange.FromPayload(slash >= 0 ? payload![(slash + 1)..] : payload));
    }

    public void Publish(ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Interlocked.Increment(ref _generation);
        Changed?.Invoke(change);
    }

    internal void ListeningChanged(bool listening)
    {
        _listening = listening;
        // Whatever was kept while the connection was down (or before it came up) may have missed a change.
        Publish(ContentChange.All);
    }
}

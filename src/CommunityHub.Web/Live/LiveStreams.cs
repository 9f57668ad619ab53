using CommunityHub.Infrastructure.Persistence.Changes;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Live;

/// <summary>The live streams open on this instance: it counts them against <see cref="LiveOptions"/>' limits and
/// tells each of them every committed change (<see cref="ContentChanges"/>: this instance's own writes at once, the
/// other instances' through PostgreSQL LISTEN/NOTIFY). A change says only which threads changed; each stream then asks,
/// as its own reader, what that means for its page (<see cref="LiveEndpoints"/>), so nothing here knows who may see what.</summary>
public sealed class LiveStreams(ContentChanges changes, IOptionsMonitor<LiveOptions> options) : IHostedService
{
    private readonly Lock _gate = new();
    private readonly HashSet<Subscription> _open = [];
    private readonly Dictionary<Guid, int> _perMember = [];

    /// <summary>Streams open now (for tests and health).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>A subscription for <paramref name="member"/>'s new stream, or null when a limit is reached.</summary>
    public Subscription? TryOpen(Guid member)
    {
        var settings = options.CurrentValue;
        lock (_gate)
        {
            var theirs = _perMember.GetValueOrDefault(member);
            if (_open.Count >= settings.MaxStreams || theirs >= settings.MaxStreamsPerMember)
            {
                return null;
            }

            var subscription = new Subscription(this, member);
            _open.Add(subscription);
            _perMember[member] = theirs + 1;
            return subscription;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        changes.Changed += Tell;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        changes.Changed -= Tell;
        return Task.CompletedTask;
    }

    private void Tell(ContentChange change)
    {
        Subscription[] open;
        lock (_gate)
        {
            open = [.. _open];
        }

        foreach (var subscription in open)
        {
            subscription.Tell(change);
        }
    }

    private void Close(Subscription subscription)
    {
        lock (_gate)
        {
            if (!_open.Remove(subscription))
            {
                return;
            }

            if (_perMember[subscription.Member] <= 1)
            {
                _perMember.Remove(subscription.Member);
            }
            else
            {
                _perMember[subscription.Member]--;
            }
        }
    }

    /// <summary>One stream's share of the changes: those that came in since it last looked, merged into one (a busy
    /// community does not queue work for a slow reader; the stream asks once for all of them).</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly LiveStreams _owner;
        private readonly Lock _gate = new();
        private readonly SemaphoreSlim _signal = new(0, 1);
        private ContentChange? _pending;
        private bool _closed;

        internal Subscription(LiveStreams owner, Guid member)
        {
            _owner = owner;
            Member = member;
        }

        public Guid Member { get; }

        internal void Tell(ContentChange change)
        {
            // Called on the writer's thread after its commit: it must never fail there, nor wait for a reader.
            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }

                _pending = _pending is null ? change : _pending.With(change);
                if (_signal.CurrentCount == 0)
                {
                    _signal.Release();
                }
            }
        }

        /// <summary>The changes since the last call, or null when none came within <paramref name="timeout"/>.</summary>
        public async Task<ContentChange?> NextAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            await _signal.WaitAsync(timeout, cancellationToken);
            lock (_gate)
            {
                var change = _pending;
                _pending = null;
                return change;
            }
        }

        public void Dispose()
        {
            _owner.Close(this);
            lock (_gate)
            {
                if (!_closed)
                {
                    _closed = true;
                    _signal.Dispose();
                }
            }
        }
    }
}

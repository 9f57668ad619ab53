using System.Collections.Concurrent;

namespace CommunityHub.Testing;

/// <summary>Test classes run in parallel, each on a lane of its own (a database, and the services or apps on it),
/// leased for the class and handed to the next class when it is done. A lane is made on first need, and there are
/// never more than <see cref="LanePool.Size"/>: that is how many classes run at once, whatever xunit starts.</summary>
public sealed class LanePool<TLane>(Func<int, Task<TLane>> create)
    where TLane : class
{
    private readonly ConcurrentStack<TLane> _idle = new();
    private readonly SemaphoreSlim _free = new(LanePool.Size);
    private int _made;

    public async Task<TLane> LeaseAsync()
    {
        await _free.WaitAsync();
        if (_idle.TryPop(out var lane))
        {
            return lane;
        }

        try
        {
            return await create(Interlocked.Increment(ref _made));
        }
        catch
        {
            _free.Release();
            throw;
        }
    }

    public void Return(TLane lane)
    {
        _idle.Push(lane);
        _free.Release();
    }
}

public static class LanePool
{
    /// <summary>Classes running at once, unless <c>COMMUNITYHUB_TEST_LANES</c> says otherwise: one more than the
    /// cores, so that both stay busy while a class waits on PostgreSQL, the browser or the Nu checker.</summary>
    public static int Size { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("COMMUNITYHUB_TEST_LANES"), out var lanes) && lanes > 0
            ? lanes
            : Environment.ProcessorCount + 1;
}

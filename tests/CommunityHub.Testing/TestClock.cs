using Microsoft.Extensions.Time.Testing;

namespace CommunityHub.Testing;

/// <summary>The clock the services are built with: a fresh <see cref="FakeTimeProvider"/> at <see cref="Start"/>
/// for every test (<see cref="Restart"/>), so that no test sees the time another one travelled to, whatever ran
/// before it and whatever runs beside it.</summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>The instant every test starts at.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider _current = new(Start);

    /// <summary>This test's clock: advance it to move time on for the services.</summary>
    public FakeTimeProvider Current => Volatile.Read(ref _current);

    public override long TimestampFrequency => Current.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Current.LocalTimeZone;

    public void Restart() => Volatile.Write(ref _current, new FakeTimeProvider(Start));

    public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();

    public override long GetTimestamp() => Current.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Current.CreateTimer(callback, state, dueTime, period);
}

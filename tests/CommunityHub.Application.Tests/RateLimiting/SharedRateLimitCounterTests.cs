using CommunityHub.Infrastructure.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application.Tests.RateLimiting;

/// <summary>The counters behind the rate limits, on PostgreSQL: what every instance of the app shares.</summary>
public sealed class SharedRateLimitCounterTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_key_over_its_limit_is_refused_until_its_window_ends()
    {
        var keys = new[] { ("Posting|member:alice", 2), ("Posting|address:192.0.2.1", 5) };
        Assert.Null(await HitAsync(keys));
        Assert.Null(await HitAsync(keys));

        var refused = await HitAsync(keys);

        Assert.NotNull(refused);
        Assert.InRange(refused.Value, TimeSpan.FromTicks(1), Window);
        // Another account from the same address still has room there.
        Assert.Null(await HitAsync([("Posting|member:bruno", 2), ("Posting|address:192.0.2.1", 5)]));

        Fixture.Clock.Advance(refused.Value);
        Assert.Null(await HitAsync(keys));
    }

    [Fact]
    public async Task The_address_limit_counts_every_account_behind_it()
    {
        for (var member = 1; member <= 3; member++)
        {
            Assert.Null(await HitAsync([($"Flagging|member:{member}", 10), ("Flagging|address:192.0.2.2", 3)]));
        }

        Assert.NotNull(await HitAsync([("Flagging|member:4", 10), ("Flagging|address:192.0.2.2", 3)]));
    }

    [Fact]
    public async Task Windows_that_have_ended_are_swept_away_by_later_hits()
    {
        for (var visitor = 1; visitor <= 5; visitor++)
        {
            await HitAsync([($"SignIn|address:192.0.2.{visitor}", 10)]);
        }

        Fixture.Clock.Advance(Window);
        await HitAsync([("SignIn|address:192.0.2.99", 10)]);

        Assert.Equal(["SignIn|address:192.0.2.99"], await QueryAsync(db => db.Database.SqlQuery<string>($"SELECT key AS \"Value\" FROM rate_limit_windows").ToListAsync()));
    }

    private async Task<TimeSpan?> HitAsync(IReadOnlyList<(string, int)> keys)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SharedRateLimitCounter>().HitAsync(keys, Window, CancellationToken.None);
    }
}

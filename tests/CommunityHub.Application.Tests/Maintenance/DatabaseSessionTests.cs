using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Maintenance;

public sealed class DatabaseSessionTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    [Fact]
    public async Task The_apps_database_sessions_run_without_the_jit_compiler()
    {
        // A short query with an inflated cost estimate spent 600 ms in the JIT compiler before this was set.
        var jit = await QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync());

        Assert.Equal("off", jit);
    }
}

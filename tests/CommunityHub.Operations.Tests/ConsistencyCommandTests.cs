using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Operations.Tests;

/// <summary><c>check-consistency [--repair]</c> as an operator runs it (<c>./run.sh</c> adds <c>--contentRoot</c> after it).</summary>
[Collection(OperationsTests.Name)]
public sealed class ConsistencyCommandTests(OperationsFixture fixture)
{
    [Fact]
    public async Task Check_consistency_exits_1_on_drift_and_repair_fixes_it()
    {
        var database = await fixture.NewDatabaseAsync("consistency");
        await using var tool = AppProcess.NotStarted("consistency", database);
        var (clean, cleanOutput) = await tool.RunCommandAsync("check-consistency", "--contentRoot", WebProject.Directory);
        Assert.True(clean == 0, cleanOutput);

        var space = await OperationsFixture.CreateSpaceAsync(database);
        await OperationsFixture.DbAsync(database, db => db.Database.ExecuteSqlAsync($"UPDATE spaces SET thread_count = 3 WHERE id = {space.Id}"));

        var (drifted, driftOutput) = await tool.RunCommandAsync("check-consistency", "--contentRoot", WebProject.Directory);
        Assert.True(drifted == 1, driftOutput);
        Assert.Contains("space questions", driftOutput, StringComparison.Ordinal);
        Assert.Equal(3, await OperationsFixture.DbAsync(database, db => db.Spaces.Select(s => s.ThreadCount).SingleAsync()));

        var (repaired, repairOutput) = await tool.RunCommandAsync("check-consistency", "--repair", "--contentRoot", WebProject.Directory);
        Assert.True(repaired == 0, repairOutput);
        Assert.Equal(0, await OperationsFixture.DbAsync(database, db => db.Spaces.Select(s => s.ThreadCount).SingleAsync()));
        Assert.Equal(0, (await tool.RunCommandAsync("check-consistency", "--contentRoot", WebProject.Directory)).ExitCode);
    }
}

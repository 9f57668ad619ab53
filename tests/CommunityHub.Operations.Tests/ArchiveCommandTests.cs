using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Operations.Tests;

/// <summary><c>export</c> and <c>import</c> as an operator runs them, on instances configured like the web ones.</summary>
[Collection(OperationsTests.Name)]
public sealed class ArchiveCommandTests(OperationsFixture fixture)
{
    [Fact]
    public async Task Import_fills_the_empty_database_even_where_the_instances_seed_the_demo()
    {
        var source = await fixture.NewDatabaseAsync("archive_source");
        await using (var seeded = await AppProcess.StartAsync("archive-source", source, new Dictionary<string, string> { ["Seed__Demo"] = "true" }))
        {
            await seeded.TerminateAsync();
            Assert.True(await seeded.WaitForExitAsync(TimeSpan.FromSeconds(45)), seeded.Output);
        }

        var folder = Directory.CreateTempSubdirectory("communityhub-archive-");
        var archive = Path.Combine(folder.FullName, "community.ndjson");
        await using var exporter = AppProcess.NotStarted("archive-export", source);
        var (exported, exportOutput) = await exporter.RunCommandAsync("export", archive, "--contentRoot", WebProject.Directory);
        Assert.True(exported == 0, exportOutput);

        // The target is configured as docker-compose.yml configures the web instances: Seed__Demo=true.
        // A command must not seed, or the import would find the database no longer empty.
        var target = await fixture.NewDatabaseAsync("archive_target");
        await using var importer = AppProcess.NotStarted("archive-import", target, new Dictionary<string, string> { ["Seed__Demo"] = "true" });
        var (imported, importOutput) = await importer.RunCommandAsync("import", archive, "--contentRoot", WebProject.Directory);
        Assert.True(imported == 0, importOutput);

        var posts = await OperationsFixture.DbAsync(source, db => db.Posts.CountAsync());
        Assert.True(posts > 0, "the demo seed wrote no posts");
        Assert.Equal(posts, await OperationsFixture.DbAsync(target, db => db.Posts.CountAsync()));
        Assert.Equal(
            await OperationsFixture.DbAsync(source, db => db.Members.CountAsync()),
            await OperationsFixture.DbAsync(target, db => db.Members.CountAsync()));
        folder.Delete(recursive: true);
    }
}

using System.Text;
using CommunityHub.Infrastructure.Archive;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application.Tests.Archive;

public sealed class CommunityArchiveTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private static readonly DateTimeOffset ExportedAt = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Export_import_export_gives_the_same_archive_byte_for_byte()
    {
        await SeedDemoAsync();
        var first = await ExportAsync(Fixture.Services);

        await using var second = await Fixture.CreateCommunityAsync("communityhub_archive_round_trip");
        var counts = await ImportAsync(second, first);
        var again = await ExportAsync(second);

        Assert.True(counts["member"] >= 16 && counts["post"] > 50 && counts["tie"] >= 30 && counts["reciprocityRecord"] > 20);
        Assert.True(counts["moderationEntry"] > 0 && counts["flag"] > 0 && counts["roleAssignment"] > 0 && counts["communityValues"] == 1);
        // The demo's screenshot: its row, and its original, display size and thumbnail.
        Assert.True(counts["attachment"] >= 1 && counts["attachmentFile"] >= 3);
        // Alice's, Sam's and Bruno's pictures, each at three sizes.
        Assert.True(counts["avatar"] == 3 && counts["attachmentFile"] >= 3 + 9);
        // Who may enter a space moves with it: the Beta programme (two members) and its private Beta space, the Partners
        // group and its rules, the members-only lounge.
        Assert.True(counts["group"] == 2 && counts["groupMember"] >= 2 && counts["spaceAccess"] == 1, string.Join(", ", counts));
        Assert.Contains("\"emailDomains\":\"litware.example\\nwingtip.example\"", Encoding.UTF8.GetString(first), StringComparison.Ordinal);
        Assert.Contains("\"membersOnly\":true", Encoding.UTF8.GetString(first), StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(again));
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task The_archive_holds_no_password_hash_or_security_stamp_and_an_imported_member_sets_a_password_by_reset()
    {
        await SeedDemoAsync();
        var archive = await ExportAsync(Fixture.Services);
        var text = Encoding.UTF8.GetString(archive);
        var stamp = await QueryAsync(db => db.Users.Where(u => u.Email == "alice@example.com").Select(u => u.SecurityStamp).SingleAsync());

        Assert.StartsWith("{\"format\":\"communityhub-archive\",\"version\":4,\"exportedAt\":\"2026-11-23T12:00:00.0000000Z\"}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", text, StringComparison.Ordinal); // Identity's password hash prefix
        Assert.DoesNotContain(stamp!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);

        await using var second = await Fixture.CreateCommunityAsync("communityhub_archive_passwords");
        await ImportAsync(second, archive);
        await using var scope = second.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CommunityUser>>();
        var alice = await users.FindByEmailAsync("alice@example.com");
        Assert.NotNull(alice);
        Assert.Null(alice.PasswordHash);
        Assert.False(await users.CheckPasswordAsync(alice, "community-demo"));
        var token = await users.GeneratePasswordResetTokenAsync(alice);
        Assert.True((await users.ResetPasswordAsync(alice, token, "a brand new password")).Succeeded);
        Assert.True(await users.CheckPasswordAsync(alice, "a brand new password"));
        Assert.True(await users.IsInRoleAsync(await users.FindByEmailAsync("ada@example.com") ?? throw new InvalidOperationException(), "Admin"));
    }

    [Fact]
    public async Task New_posts_after_an_import_continue_after_the_imported_ids()
    {
        await SeedDemoAsync();
        var archive = await ExportAsync(Fixture.Services);
        await using var second = await Fixture.CreateCommunityAsync("communityhub_archive_sequences");
        await ImportAsync(second, archive);

        await using var scope = second.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var highest = await db.Posts.MaxAsync(p => p.Id);
        var space = CommunityHub.Domain.Spaces.Space.Create("After the move", "after-the-move", "Proves the sequences continue.", 99);
        db.Spaces.Add(space);
        await db.SaveChangesAsync();

        Assert.True(space.Id > await db.Spaces.Where(s => s.Id != space.Id).MaxAsync(s => s.Id));
        Assert.True(highest > 0);
    }

    [Fact]
    public async Task Importing_into_a_database_that_is_not_empty_is_refused_and_writes_nothing()
    {
        await SeedDemoAsync();
        var archive = await ExportAsync(Fixture.Services);
        var members = await QueryAsync(db => db.Members.CountAsync());
        var posts = await QueryAsync(db => db.Posts.CountAsync());

        var refused = await Assert.ThrowsAsync<ArchiveException>(() => ImportAsync(Fixture.Services, archive));

        Assert.Contains("not empty", refused.Message, StringComparison.Ordinal);
        Assert.Equal(members, await QueryAsync(db => db.Members.CountAsync()));
        Assert.Equal(posts, await QueryAsync(db => db.Posts.CountAsync()));
    }

    [Theory]
    [InlineData("{\"format\":\"communityhub-archive\",\"version\":5,\"exportedAt\":\"2026-11-23T12:00:00.0000000Z\"}", "Line 1: archive version 5")]
    [InlineData("{\"format\":\"something-else\",\"version\":1}", "Line 1: not a CommunityHub archive")]
    [InlineData(Header + "\n" + Alice + "\n{\"type\":\"member\",\"id\":", "Line 3: not JSON")]
    [InlineData(Header + "\n" + Alice + "\n{\"type\":\"planet\",\"id\":1}", "Line 3: unknown record type \"planet\"")]
    [InlineData(Header + "\n" + Alice + "\n{\"type\":\"member\",\"id\":\"not-a-uuid\"}", "Line 3: the member's \"id\" is not a UUID")]
    [InlineData(Header + "\n" + Alice + "\n{\"type\":\"member\",\"id\":\"7d3c1f7e-58f5-4a44-a4b5-4b4ff1b9b101\",\"displayName\":\"Bob\",\"handle\":\"bob\",\"joinedAt\":\"2026-11-01T09:00:00.0000000Z\",\"badge\":\"None\",\"isBanned\":false,\"colour\":\"red\"}", "Line 3: a member has no field \"colour\"")]
    [InlineData(Header + "\n" + Space + "\n" + Alice, "Line 3: a \"member\" record after the \"space\" records")]
    [InlineData(Header + "\n" + Alice + "\n" + Space + "\n{\"type\":\"thread\",\"id\":1,\"spaceId\":1,\"title\":\"Hello\",\"authorId\":\"7d3c1f7e-58f5-4a44-a4b5-4b4ff1b9b100\",\"createdAt\":\"yesterday\"}", "Line 4: the thread's \"createdAt\" is not a timestamp")]
    public async Task A_malformed_or_wrong_version_archive_is_refused_with_its_line_and_nothing_is_written(string archive, string expected)
    {
        var refused = await Assert.ThrowsAsync<ArchiveException>(() => ImportAsync(Fixture.Services, Encoding.UTF8.GetBytes(archive)));

        Assert.StartsWith(expected, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Members.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.Spaces.CountAsync()));
    }

    [Fact]
    public async Task An_archive_that_refers_to_a_missing_record_is_refused_and_the_foreign_keys_stay()
    {
        var archive = Header + "\n" + Alice + "\n" + Space + "\n"
            + "{\"type\":\"thread\",\"id\":1,\"spaceId\":1,\"title\":\"Hello\",\"authorId\":\"00000000-0000-0000-0000-000000000001\",\"createdAt\":\"2026-11-01T09:00:00.0000000Z\",\"isPinned\":false,\"isLocked\":false,\"isClosed\":false,\"replyCount\":0,\"lastActivityAt\":\"2026-11-01T09:00:00.0000000Z\",\"lastPosterId\":\"00000000-0000-0000-0000-000000000001\"}\n";

        var refused = await Assert.ThrowsAsync<ArchiveException>(() => ImportAsync(Fixture.Services, Encoding.UTF8.GetBytes(archive)));

        Assert.Contains("refers to a record it does not hold", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Members.CountAsync()));
        var foreignKeys = await QueryAsync(db => db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_constraint WHERE contype = 'f' AND conrelid = 'threads'::regclass").SingleAsync());
        Assert.True(foreignKeys >= 4);
    }

    private const string Header = "{\"format\":\"communityhub-archive\",\"version\":1,\"exportedAt\":\"2026-11-23T12:00:00.0000000Z\"}";

    private const string Alice = "{\"type\":\"member\",\"id\":\"7d3c1f7e-58f5-4a44-a4b5-4b4ff1b9b100\",\"displayName\":\"Alice\",\"handle\":\"alice\",\"joinedAt\":\"2026-11-01T09:00:00.0000000Z\",\"badge\":\"None\",\"title\":null,\"suspendedUntil\":null,\"isBanned\":false,\"sanctionReason\":null,\"formerAt\":null}";

    private const string Space = "{\"type\":\"space\",\"id\":1,\"name\":\"Questions\",\"slug\":\"questions\",\"purpose\":\"Ask.\",\"position\":1,\"threadCount\":0,\"lastActivityAt\":null,\"lastActiveThreadId\":null}";

    /// <summary>The demo community, seeded once per run by the initializer; this test works on a copy of its own.</summary>
    private Task SeedDemoAsync() => Fixture.UseDemoCommunityAsync();

    private static async Task<byte[]> ExportAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        using var output = new MemoryStream();
        await new CommunityExporter(scope.ServiceProvider.GetRequiredService<CommunityDbContext>(), scope.ServiceProvider.GetRequiredService<CommunityHub.Application.Attachments.IAttachmentStore>()).ExportAsync(output, ExportedAt, CancellationToken.None);
        return output.ToArray();
    }

    private static async Task<IReadOnlyDictionary<string, long>> ImportAsync(IServiceProvider services, byte[] archive)
    {
        await using var scope = services.CreateAsyncScope();
        using var input = new MemoryStream(archive);
        return await new CommunityImporter(scope.ServiceProvider.GetRequiredService<CommunityDbContext>(), scope.ServiceProvider.GetRequiredService<CommunityHub.Application.Attachments.IAttachmentStore>()).ImportAsync(input, CancellationToken.None);
    }
}

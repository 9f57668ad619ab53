using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityHub.Application.Members;
using CommunityHub.Domain.Escalation;
using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Trust;
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
        // The demo has no ignore list: Alice ignores Bruno, so the round trip carries one.
        var alice = await QueryAsync(db => db.Members.Where(m => m.DisplayName == "Alice Chen").Select(m => m.Id).SingleAsync());
        var bruno = await QueryAsync(db => db.Members.Where(m => m.DisplayName == "Bruno Costa").Select(m => m.Id).SingleAsync());
        RunAs(alice);
        await SendAsync(new IgnoreMember.Command { MemberId = bruno });
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
        // Version 5: the demo's three tag groups (Product required in Questions & answers) and their tags on threads, two
        // members' tag watches; the Ideas space's ideas, votes and statuses; its four organisations with their domains
        // and people; Bruno's old handle; Hiro's trust lock; the filter's word and site; Alice's ignore list; case #4711.
        Assert.True(counts["tagGroup"] == 3 && counts["tagGroupRequirement"] == 1 && counts["tag"] == 9 && counts["threadTag"] == 14 && counts["tagWatch"] == 2, string.Join(", ", counts));
        Assert.True(counts["idea"] == 4 && counts["ideaVote"] >= 11 && counts["ideaStatusChange"] >= 3, string.Join(", ", counts));
        Assert.True(counts["organisation"] == 4 && counts["organisationDomain"] == 4 && counts["organisationMember"] == 12, string.Join(", ", counts));
        Assert.True(counts["watchedWord"] == 1 && counts["linkRule"] == 1 && counts["ignoredMember"] == 1 && counts["threadEscalation"] == 1 && counts["formerHandle"] == 1, string.Join(", ", counts));
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(again));
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task The_imported_community_has_the_tags_ideas_organisations_trust_locks_filter_ignore_lists_and_escalations()
    {
        await SeedDemoAsync();
        var archive = await ExportAsync(Fixture.Services);
        await using var second = await Fixture.CreateCommunityAsync("communityhub_archive_version_5");
        await ImportAsync(second, archive);

        await using var scope = second.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var csv = await db.Threads.SingleAsync(t => t.Title == "How do I export a report as CSV with filters applied?");
        var csvTags = await db.ThreadTags.Where(t => t.ThreadId == csv.Id).Join(db.Tags, t => t.TagId, tag => tag.Id, (_, tag) => tag.Name).ToListAsync();
        Assert.NotEmpty(csvTags);
        Assert.Contains(await db.TagGroups.ToListAsync(), g => g.Name == "Product");
        var escalation = await db.Escalations.SingleAsync(e => e.ThreadId == csv.Id);
        Assert.Equal((EscalationStatus.Open, "4711"), (escalation.Status, escalation.CaseId));
        Assert.Null(escalation.LockedUntil);

        var ideasSpace = await db.Spaces.SingleAsync(s => s.Slug == "ideas");
        Assert.True(ideasSpace.IsIdeas);
        var darkMode = await db.Threads.SingleAsync(t => t.Title == "Dark mode for the dashboard");
        var idea = await db.Ideas.SingleAsync(i => i.ThreadId == darkMode.Id);
        Assert.Equal(IdeaStatus.Planned, idea.Status);
        Assert.Equal(idea.VoteCount, await db.IdeaVotes.CountAsync(v => v.ThreadId == darkMode.Id && v.WithdrawnAt == null));
        Assert.Contains(await db.IdeaStatusChanges.Where(c => c.ThreadId == darkMode.Id).ToListAsync(), c => c.To == IdeaStatus.Planned);

        Assert.Equal(TrustLevel.Leader, (await db.Members.SingleAsync(m => m.DisplayName == "Hiro Tanaka")).TrustLockedAt);
        var northwind = await db.Organisations.SingleAsync(o => o.Name == "Northwind Traders");
        Assert.Equal(3, await db.OrganisationMembers.CountAsync(m => m.OrganisationId == northwind.Id));
        Assert.Equal(northwind.Id, (await db.OrganisationDomains.SingleAsync(d => d.Domain == "northwind.example")).OrganisationId);
        Assert.Contains(await db.WatchedWords.ToListAsync(), w => w.Pattern == "casino");
        Assert.Contains(await db.LinkRules.ToListAsync(), r => r.Host == "spam.test");
        var bruno = await db.Members.SingleAsync(m => m.DisplayName == "Bruno Costa");
        Assert.Equal(bruno.Id, (await db.FormerHandles.SingleAsync(h => h.Handle == "bruno-c")).MemberId);
        // Every group reads back (its mention setting too).
        Assert.Equal(2, (await db.Groups.ToListAsync()).Count);
    }

    [Fact]
    public async Task A_version_4_archive_still_imports_without_what_version_5_added()
    {
        await SeedDemoAsync();
        var archive = ToVersion4(await ExportAsync(Fixture.Services));
        await using var second = await Fixture.CreateCommunityAsync("communityhub_archive_version_4");

        var counts = await ImportAsync(second, archive);

        Assert.False(counts.ContainsKey("tag") || counts.ContainsKey("idea") || counts.ContainsKey("threadEscalation"));
        await using var scope = second.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        Assert.Equal(await QueryAsync(db => db.Posts.CountAsync()), await db.Posts.CountAsync());
        Assert.All(await db.Groups.ToListAsync(), g => Assert.Equal(GroupMentions.Nobody, g.MentionableBy));
        Assert.False((await db.Spaces.SingleAsync(s => s.Slug == "ideas")).IsIdeas);
        Assert.Equal(0, await db.Tags.CountAsync());
    }

    [Fact]
    public async Task The_archive_holds_no_password_hash_or_security_stamp_and_an_imported_member_sets_a_password_by_reset()
    {
        await SeedDemoAsync();
        var archive = await ExportAsync(Fixture.Services);
        var text = Encoding.UTF8.GetString(archive);
        var stamp = await QueryAsync(db => db.Users.Where(u => u.Email == "alice@example.com").Select(u => u.SecurityStamp).SingleAsync());

        Assert.StartsWith("{\"format\":\"communityhub-archive\",\"version\":5,\"exportedAt\":\"2026-11-23T12:00:00.0000000Z\"}\n", text, StringComparison.Ordinal);
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
    [InlineData("{\"format\":\"communityhub-archive\",\"version\":6,\"exportedAt\":\"2026-11-23T12:00:00.0000000Z\"}", "Line 1: archive version 6")]
    [InlineData("{\"format\":\"something-else\",\"version\":1}", "Line 1: not a CommunityHub archive")]
    [InlineData(Header + "\n" + Alice + "\n{\"type\":\"member\",\"id\":", "Line 3: not JSON")]
    [InlineData(Header + "\n" + Alice + "\n{\"type\":\"planet\",\"id\":1}", "Line 3: unknown record type \"planet\"")]
    [InlineData(Header + "\n" + Alice + "\n{\"type\":\"member\",\"id\":\"not-a-uuid\"}", "Line 3: the member's \"id\" is not a UUID")]
    [InlineData(Header + "\n" + Alice + "\n{\"type\":\"member\",\"id\":\"7d3c1f7e-58f5-4a44-a4b5-4b4ff1b9b101\",\"displayName\":\"Bob\",\"handle\":\"bob\",\"joinedAt\":\"2026-11-01T09:00:00.0000000Z\",\"badge\":\"None\",\"isBanned\":false,\"colour\":\"red\"}", "Line 3: a member has no field \"colour\"")]
    [InlineData(Header + "\n" + Space + "\n" + Alice, "Line 3: a \"member\" record after the \"space\" records")]
    [InlineData(Header + "\n" + Alice + "\n" + Space + "\n{\"type\":\"thread\",\"id\":1,\"spaceId\":1,\"title\":\"Hello\",\"authorId\":\"7d3c1f7e-58f5-4a44-a4b5-4b4ff1b9b100\",\"createdAt\":\"yesterday\"}", "Line 4: the thread's \"createdAt\" is not a timestamp")]
    [InlineData(Header5 + "\n" + Alice + "\n{\"type\":\"tagGroup\",\"id\":1,\"name\":\"Product\",\"description\":\"\",\"createdAt\":\"2026-11-01T09:00:00.0000000Z\"}\n{\"type\":\"tag\",\"id\":\"one\",\"name\":\"api\",\"description\":\"\",\"groupId\":1,\"createdAt\":\"2026-11-01T09:00:00.0000000Z\"}", "Line 4: the tag's \"id\" is string, not a 32-bit integer")]
    [InlineData(Header5 + "\n" + Alice + "\n{\"type\":\"organisation\",\"id\":1,\"createdAt\":\"2026-11-01T09:00:00.0000000Z\"}", "Line 3: a organisation needs \"name\"")]
    [InlineData(Header5 + "\n" + Alice + "\n{\"type\":\"ignoredMember\",\"ignorerId\":\"7d3c1f7e-58f5-4a44-a4b5-4b4ff1b9b100\",\"ignoredId\":\"7d3c1f7e-58f5-4a44-a4b5-4b4ff1b9b100\",\"since\":\"2026-11-01T09:00:00.0000000Z\",\"reason\":\"none\"}", "Line 3: a ignoredMember has no field \"reason\"")]
    [InlineData(Header5 + "\n" + Alice + "\n" + Space + "\n{\"type\":\"threadEscalation\",\"id\":1,\"threadId\":1,\"escalatedById\":\"7d3c1f7e-58f5-4a44-a4b5-4b4ff1b9b100\",\"escalatedAt\":\"2026-11-01T09:00:00.0000000Z\",\"status\":\"Open\",\"payload\":\"{not json\",\"attempts\":1,\"nextAttemptAt\":\"2026-11-01T09:00:00.0000000Z\"}", "Line 4: the threadEscalation's \"payload\" is not a string holding JSON")]
    [InlineData(Header5 + "\n" + Alice + "\n{\"type\":\"tag\",\"id\":1,\"name\":\"api\",\"description\":\"\",\"groupId\":null,\"createdAt\":\"2026-11-01T09:00:00.0000000Z\"}\n{\"type\":\"tagGroup\",\"id\":1,\"name\":\"Product\",\"description\":\"\",\"createdAt\":\"2026-11-01T09:00:00.0000000Z\"}", "Line 4: a \"tagGroup\" record after the \"tag\" records")]
    public async Task A_malformed_or_wrong_version_archive_is_refused_with_its_line_and_nothing_is_written(string archive, string expected)
    {
        var refused = await Assert.ThrowsAsync<ArchiveException>(() => ImportAsync(Fixture.Services, Encoding.UTF8.GetBytes(archive)));

        Assert.StartsWith(expected, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Members.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.Spaces.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.TagGroups.CountAsync()));
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

    private const string Header5 = "{\"format\":\"communityhub-archive\",\"version\":5,\"exportedAt\":\"2026-11-23T12:00:00.0000000Z\"}";

    /// <summary>What version 5 added: its record types, and its fields of older types.</summary>
    private static readonly string[] Version5Types =
        ["formerHandle", "organisation", "organisationDomain", "organisationMember", "tagGroup", "tagGroupRequirement", "tag", "threadTag", "idea", "ideaStatusChange",
            "ideaVote", "threadEscalation", "watchedWord", "linkRule", "tagWatch", "ignoredMember"];

    private static readonly Dictionary<string, string[]> Version5Fields = new()
    {
        ["member"] = ["trustLockedAt", "organisation", "bio", "website", "timeZone"],
        ["group"] = ["mentionHandle", "mentionableBy"],
        ["space"] = ["isIdeas"],
        ["thread"] = ["awaitingApproval", "appreciation"],
        ["post"] = ["awaitingApproval", "approvalNote", "rejectedAt"],
    };

    /// <summary>The archive as version 4 wrote it: the version-5 records and fields left out.</summary>
    private static byte[] ToVersion4(byte[] archive)
    {
        var lines = Encoding.UTF8.GetString(archive).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var output = new StringBuilder(lines[0].Replace("\"version\":5", "\"version\":4", StringComparison.Ordinal)).Append('\n');
        foreach (var line in lines.Skip(1))
        {
            var record = JsonNode.Parse(line)!.AsObject();
            var type = record["type"]!.GetValue<string>();
            if (Version5Types.Contains(type))
            {
                continue;
            }

            foreach (var field in Version5Fields.GetValueOrDefault(type, []))
            {
                Assert.True(record.Remove(field), $"{type} has no {field}");
            }

            output.Append(record.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })).Append('\n');
        }

        return Encoding.UTF8.GetBytes(output.ToString());
    }

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

using System.Text;
using CommunityHub.Application.Attachments;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Attachments;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Attachments;

/// <summary>Attachments through the use cases on PostgreSQL (the default store): written with their post or not at
/// all, served by the policy, and removed when never posted.</summary>
public sealed class AttachmentUseCaseTests(CommunityFixture fixture) : ConversationTest(fixture)
{
    private static readonly byte[] Log = Encoding.UTF8.GetBytes("ERROR export failed\n");

    private async Task<long> ReplyWithAsync(long thread, string body, IReadOnlyList<Upload>? files = null, IList<Guid>? uploaded = null) =>
        (await SendAsync(new ReplyToThread.Command
        {
            SpaceSlug = "questions",
            ThreadId = thread,
            Body = body,
            SubmissionId = Guid.NewGuid(),
            Files = files ?? [],
            AttachmentIds = uploaded ?? [],
        })).PostId;

    [Fact]
    public async Task Files_sent_with_a_reply_are_written_with_it_and_read_with_the_thread()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        await RunAsNewMemberAsync("Bruno");

        var reply = await ReplyWithAsync(thread, "Screenshot and log", [new Upload("shot.png", TestImages.Png(100, 50)), new Upload("run.log", Log)]);

        var page = await SendAsync(new GetThread.Query(thread));
        var files = page.Replies.Single(r => r.Id == reply).Attachments;
        Assert.Equal(["shot.png", "run.log"], files.Select(f => f.FileName));
        Assert.Equal((100, 50), (files[0].DisplayWidth, files[0].DisplayHeight));
        Assert.Equal(4, await QueryAsync(db => db.AttachmentBlobs.CountAsync()));
        RunAsAnonymous();
        var log = await SendAsync(new GetAttachment.Query(files[1].Id, AttachmentVariant.Original));
        Assert.Equal(Log, log.Content);
        Assert.False(log.Inline);
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetAttachment.Query(files[1].Id, AttachmentVariant.Thumbnail)));
    }

    [Fact]
    public async Task A_reply_the_thread_refuses_leaves_no_attachment_behind()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        await RunAsNewMemberAsync("Morgan", Roles.Moderator);
        await SendAsync(new ModerateThread.Command { ThreadId = thread, Change = ModerateThread.Change.Lock, Reason = "Cooling down" });
        await RunAsNewMemberAsync("Bruno");

        await Assert.ThrowsAsync<DomainException>(() => ReplyWithAsync(thread, "Anyway", [new Upload("shot.png", TestImages.Png())]));

        Assert.Equal(0, await QueryAsync(db => db.Attachments.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.AttachmentBlobs.CountAsync()));
    }

    [Fact]
    public async Task An_upload_never_posted_is_removed_after_a_day_and_a_posted_one_stays()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        var forgotten = await SendAsync(new UploadAttachment.Command { File = new Upload("forgotten.png", TestImages.Png()) });
        var posted = await SendAsync(new UploadAttachment.Command { File = new Upload("posted.log", Log) });
        await ReplyWithAsync(thread, "With the log", uploaded: [posted.Id]);
        Fixture.Clock.Advance(TimeSpan.FromHours(23));
        var recent = await SendAsync(new UploadAttachment.Command { File = new Upload("recent.log", Log) });

        Assert.Equal(0, await SendAsync(new RemoveUnpostedAttachments.Command()));
        Fixture.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await SendAsync(new RemoveUnpostedAttachments.Command()));

        Assert.Equal([posted.Id, recent.Id], (await QueryAsync(db => db.Attachments.OrderBy(a => a.UploadedAt).Select(a => a.Id).ToListAsync())));
        Assert.False(await QueryAsync(db => db.AttachmentBlobs.AnyAsync(b => b.Key.StartsWith(forgotten.Id.ToString("N")))));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetAttachment.Query(forgotten.Id, AttachmentVariant.Original)));
    }

    [Fact]
    public async Task An_upload_cannot_be_posted_twice_nor_by_someone_else()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        var bruno = await RunAsNewMemberAsync("Bruno");
        var upload = await SendAsync(new UploadAttachment.Command { File = new Upload("shot.png", TestImages.Png()) });
        await RunAsNewMemberAsync("Chloe");

        var stolen = await Assert.ThrowsAsync<DomainException>(() => ReplyWithAsync(thread, "Mine now", uploaded: [upload.Id]));
        Assert.Equal(PostAttachments.NotAvailable, stolen.Message);

        RunAs(bruno);
        await ReplyWithAsync(thread, "Here", uploaded: [upload.Id]);
        await Assert.ThrowsAsync<DomainException>(() => ReplyWithAsync(thread, "Again", uploaded: [upload.Id]));
        Assert.Equal(1, await QueryAsync(db => db.Posts.CountAsync(p => !p.IsOpeningPost)));
    }

    [Fact]
    public async Task More_files_than_a_post_may_carry_are_refused()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => ReplyWithAsync(thread, "Many", [.. Enumerable.Range(0, 11).Select(i => new Upload($"{i}.log", Log))]));

        Assert.Equal("A post can carry at most 10 files; this one has 11.", refused.Message);
    }
}

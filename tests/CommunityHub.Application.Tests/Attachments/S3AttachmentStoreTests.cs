using System.Text;
using CommunityHub.Application.Attachments;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Attachments;
using CommunityHub.Domain.Common;
using CommunityHub.Infrastructure.Attachments;
using CommunityHub.Testing;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application.Tests.Attachments;

/// <summary>The S3-compatible store against a real server (s3rver on 127.0.0.1, started here): the use cases work the
/// same, the bytes are in the bucket and not the database, and a bucket that is away fails the post cleanly.</summary>
public sealed class S3AttachmentStoreTests(CommunityFixture fixture) : ConversationTest(fixture), IAsyncLifetime
{
    private S3Server _s3 = null!;
    private ServiceProvider _services = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Fixture.BeginTestAsync();
        _s3 = await S3Server.StartAsync();
        var settings = new Dictionary<string, string?>(_s3.Settings()) { ["Identity:RequireConfirmedEmail"] = "false" };
        _services = CommunityServices.Compose(Fixture.ConnectionString, Fixture.Clock, Fixture.CurrentUser, settings, WebParts.AddTo);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _services.DisposeAsync();
        await _s3.DisposeAsync();
    }

    private async Task<T> SendToS3Async<T>(IRequest<T> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    [Fact]
    public async Task A_reply_with_an_image_keeps_its_copies_in_the_bucket_and_serves_them_from_there()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        var photo = TestImages.JpegWithGps(640, 480);

        var reply = await SendToS3Async(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread, Body = "Photo", SubmissionId = Guid.NewGuid(), Files = [new Upload("photo.jpg", photo)] });

        var attachment = await QueryAsync(db => db.Attachments.SingleAsync());
        Assert.Equal(reply.PostId, attachment.PostId);
        Assert.Equal(0, await QueryAsync(db => db.AttachmentBlobs.CountAsync()));
        var bucket = _services.GetRequiredService<S3Bucket>();
        var keys = new List<string>();
        await foreach (var key in bucket.KeysAsync(CancellationToken.None))
        {
            keys.Add(key);
        }

        Assert.Equal(attachment.StorageKeys.Order(), keys.Order());
        RunAsAnonymous();
        var original = await SendToS3Async(new GetAttachment.Query(attachment.Id, AttachmentVariant.Original));
        Assert.Equal("image/jpeg", original.MediaType);
        Assert.DoesNotContain(TestImages.CameraMake, Encoding.Latin1.GetString(original.Content), StringComparison.Ordinal);
        var thumbnail = await SendToS3Async(new GetAttachment.Query(attachment.Id, AttachmentVariant.Thumbnail));
        Assert.Equal(FileType.Jpeg, FileType.Detect(thumbnail.Content));
    }

    [Fact]
    public async Task With_the_bucket_away_the_reply_is_refused_with_a_sentence_and_nothing_is_written()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        await _s3.StopAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => SendToS3Async(new ReplyToThread.Command
        {
            SpaceSlug = "questions", ThreadId = thread, Body = "Photo", SubmissionId = Guid.NewGuid(), Files = [new Upload("shot.png", TestImages.Png())],
        }));

        Assert.Equal(S3AttachmentStore.Unavailable, refused.Message);
        Assert.Equal(0, await QueryAsync(db => db.Posts.CountAsync(p => !p.IsOpeningPost)));
        Assert.Equal(0, await QueryAsync(db => db.Attachments.CountAsync()));

        await _s3.StartAgainAsync();
        await SendToS3Async(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread, Body = "Photo", SubmissionId = Guid.NewGuid(), Files = [new Upload("shot.png", TestImages.Png())] });
        Assert.Equal(1, await QueryAsync(db => db.Attachments.CountAsync()));
    }

    [Fact]
    public async Task Removing_an_unposted_upload_removes_its_objects_from_the_bucket()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        await SendToS3Async(new UploadAttachment.Command { File = new Upload("shot.png", TestImages.Png()) });
        Fixture.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(1, await SendToS3Async(new RemoveUnpostedAttachments.Command()));

        await foreach (var _ in _services.GetRequiredService<S3Bucket>().KeysAsync(CancellationToken.None))
        {
            Assert.Fail("An object was left in the bucket.");
        }
    }

    [Fact]
    public async Task Removing_unposted_uploads_while_the_bucket_is_away_removes_their_rows_and_leaves_the_objects_as_orphans()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        await SendToS3Async(new UploadAttachment.Command { File = new Upload("shot.png", TestImages.Png()) });
        var keys = (await QueryAsync(db => db.Attachments.SingleAsync())).StorageKeys.Order().ToList();
        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        await _s3.StopAsync();

        // The objects are deleted only after the rows' removal committed; a bucket that is away fails none of it.
        Assert.Equal(1, await SendToS3Async(new RemoveUnpostedAttachments.Command()));

        Assert.Equal(0, await QueryAsync(db => db.Attachments.CountAsync()));
        await _s3.StartAgainAsync();
        var left = new List<string>();
        await foreach (var key in _services.GetRequiredService<S3Bucket>().KeysAsync(CancellationToken.None))
        {
            left.Add(key);
        }

        Assert.Equal(keys, left.Order());
    }

    [Fact]
    public async Task Files_move_from_the_database_to_the_bucket_and_back_and_are_served_from_each()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        await ReplyAsync(thread);
        await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread, Body = "Shot", SubmissionId = Guid.NewGuid(), Files = [new Upload("shot.png", TestImages.Png()), new Upload("run.log", Encoding.UTF8.GetBytes("ok\n"))] });
        var log = await QueryAsync(db => db.Attachments.SingleAsync(a => !a.IsImage));

        int moved;
        await using (var scope = _services.CreateAsyncScope())
        {
            moved = await Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<AttachmentMover>(scope.ServiceProvider).ToBucketAsync(CancellationToken.None);
        }

        Assert.Equal(4, moved);
        Assert.Equal(0, await QueryAsync(db => db.AttachmentBlobs.CountAsync()));
        Assert.Equal("ok\n"u8.ToArray(), (await SendToS3Async(new GetAttachment.Query(log.Id, AttachmentVariant.Original))).Content);

        await using (var scope = _services.CreateAsyncScope())
        {
            moved = await Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<AttachmentMover>(scope.ServiceProvider).ToDatabaseAsync(CancellationToken.None);
        }

        Assert.Equal(4, moved);
        Assert.Equal(4, await QueryAsync(db => db.AttachmentBlobs.CountAsync()));
        Assert.Equal("ok\n"u8.ToArray(), (await SendAsync(new GetAttachment.Query(log.Id, AttachmentVariant.Original))).Content);
    }
}

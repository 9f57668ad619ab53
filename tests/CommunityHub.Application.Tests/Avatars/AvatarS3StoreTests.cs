using CommunityHub.Application.Attachments;
using CommunityHub.Application.Avatars;
using CommunityHub.Domain.Attachments;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Attachments;
using CommunityHub.Testing;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application.Tests.Avatars;

/// <summary>Pictures in an S3-compatible bucket (s3rver on 127.0.0.1, started here): the copies go to the bucket, not
/// the database, are served from there, and a replaced or removed picture's objects are deleted from it, but only once
/// the change has committed: a bucket that is away never leaves a member pointing at copies that are gone.</summary>
public sealed class AvatarS3StoreTests(CommunityFixture fixture) : ApplicationTest(fixture), IAsyncLifetime
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

    private async Task<List<string>> BucketKeysAsync()
    {
        var keys = new List<string>();
        await foreach (var key in _services.GetRequiredService<S3Bucket>().KeysAsync(CancellationToken.None))
        {
            keys.Add(key);
        }

        return [.. keys.Order(StringComparer.Ordinal)];
    }

    private static List<string> KeysOf(Guid avatarId) => [.. Avatar.Sizes.Select(size => Avatar.StorageKey(avatarId, size)).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_replaced_and_then_a_removed_picture_leave_nothing_behind_in_the_bucket()
    {
        await RunAsNewMemberAsync("Alice");

        var first = await SendToS3Async(new ChangeAvatar.Command { File = new Upload("me.png", TestImages.Png(200, 150)) });
        Assert.Equal(KeysOf(first), await BucketKeysAsync());
        Assert.Equal(0, await QueryAsync(db => db.AttachmentBlobs.CountAsync()));
        var served = await SendToS3Async(new GetAvatar.Query(first, 96));
        Assert.Equal(FileType.WebP, FileType.Detect(served.Content));

        var second = await SendToS3Async(new ChangeAvatar.Command { File = new Upload("me.jpg", TestImages.Jpeg(150, 200)) });
        Assert.Equal(KeysOf(second), await BucketKeysAsync());

        await SendToS3Async(new RemoveAvatar.Command());
        Assert.Empty(await BucketKeysAsync());
        Assert.Equal(0, await QueryAsync(db => db.Avatars.CountAsync()));
    }

    [Fact]
    public async Task With_the_bucket_away_a_new_picture_is_refused_with_a_sentence_and_the_old_one_is_still_served()
    {
        var alice = await RunAsNewMemberAsync("Alice");
        var first = await SendToS3Async(new ChangeAvatar.Command { File = new Upload("me.png", TestImages.Png(200, 150)) });
        await _s3.StopAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => SendToS3Async(new ChangeAvatar.Command { File = new Upload("new.jpg", TestImages.Jpeg(150, 200)) }));

        Assert.Equal(S3AttachmentStore.Unavailable, refused.Message);
        await _s3.StartAgainAsync();
        Assert.Equal(first, await QueryAsync(db => db.Members.Where(m => m.Id == alice).Select(m => m.AvatarId).SingleAsync()));
        Assert.Equal([first], await QueryAsync(db => db.Avatars.Select(a => a.Id).ToListAsync()));
        Assert.Equal(KeysOf(first), await BucketKeysAsync());
        foreach (var size in Avatar.Sizes)
        {
            Assert.Equal(FileType.WebP, FileType.Detect((await SendToS3Async(new GetAvatar.Query(first, size))).Content));
        }
    }

    [Fact]
    public async Task Removing_a_picture_while_the_bucket_is_away_takes_it_down_and_leaves_its_copies_as_orphans()
    {
        var alice = await RunAsNewMemberAsync("Alice");
        var first = await SendToS3Async(new ChangeAvatar.Command { File = new Upload("me.png", TestImages.Png(200, 150)) });
        await _s3.StopAsync();

        await SendToS3Async(new RemoveAvatar.Command());

        Assert.Null(await QueryAsync(db => db.Members.Where(m => m.Id == alice).Select(m => m.AvatarId).SingleAsync()));
        Assert.Equal(0, await QueryAsync(db => db.Avatars.CountAsync()));
        await _s3.StartAgainAsync();
        Assert.Equal(KeysOf(first), await BucketKeysAsync());
    }
}

using System.Text;
using System.Text.Json;
using CommunityHub.Application.Attachments;
using CommunityHub.Application.Members;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Tests.Moderation;
using CommunityHub.Domain.Members;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Attachments;

/// <summary>A member's files in their data download, when they delete their account, and when an admin purges what a
/// former member wrote.</summary>
public sealed class AttachmentsOfAMemberTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    private static readonly byte[] Log = Encoding.UTF8.GetBytes("ERROR export failed\n");

    [Fact]
    public async Task A_members_download_holds_their_files_posted_and_pending_with_their_bytes_and_no_one_elses()
    {
        var c = await AConversationAsync();
        RunAs(c.AliceId);
        var alices = await SendAsync(new UploadAttachment.Command { File = new Upload("alice.log", Encoding.UTF8.GetBytes("Alice's own log")) });
        RunAs(c.BrunoId);
        var pending = await SendAsync(new UploadAttachment.Command { File = new Upload("run.log", Log) });
        var reply = await SendAsync(WithFiles(c, "Here is the screen", [new Upload("shot.png", TestImages.Png(40, 30))]));

        using var output = new MemoryStream();
        await SendAsync(new DownloadMyData.Query(output));
        using var data = JsonDocument.Parse(output.ToArray());

        // Uploaded at the same instant on the test clock: compared by name, not by order.
        var files = data.RootElement.GetProperty("attachments").EnumerateArray().OrderBy(f => f.GetProperty("fileName").GetString(), StringComparer.Ordinal).ToList();
        Assert.Equal(["run.log", "shot.png"], files.Select(f => f.GetProperty("fileName").GetString()));
        Assert.Equal(Log, files[0].GetProperty("content").GetBytesFromBase64());
        Assert.Equal(JsonValueKind.Null, files[0].GetProperty("postId").ValueKind);
        Assert.Equal(reply.PostId, files[1].GetProperty("postId").GetInt64());
        Assert.Equal((40, 30), (files[1].GetProperty("width").GetInt32(), files[1].GetProperty("height").GetInt32()));
        var stored = await QueryAsync(db => db.AttachmentBlobs.Where(b => b.Key == $"{files[1].GetProperty("id").GetGuid():N}/original").Select(b => b.Content).SingleAsync());
        Assert.Equal(stored, files[1].GetProperty("content").GetBytesFromBase64());
        Assert.DoesNotContain(alices.Id.ToString(), Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
        Assert.Equal(pending.Id, files[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Deleting_an_account_removes_its_unposted_uploads_and_keeps_the_files_of_its_posts()
    {
        var c = await AConversationAsync();
        var reply = await SendAsync(WithFiles(c, "Here is the screen", [new Upload("shot.png", TestImages.Png(40, 30))]));
        var pending = await SendAsync(new UploadAttachment.Command { File = new Upload("run.log", Log) });

        await SendAsync(new DeleteAccount.Command { Password = "correct horse battery", Confirm = true });

        Assert.False(await QueryAsync(db => db.Attachments.AnyAsync(a => a.Id == pending.Id)));
        Assert.False(await QueryAsync(db => db.AttachmentBlobs.AnyAsync(b => b.Key.StartsWith(pending.Id.ToString("N")))));
        var kept = await QueryAsync(db => db.Attachments.SingleAsync(a => a.PostId == reply.PostId));
        Assert.Equal(3, await QueryAsync(db => db.AttachmentBlobs.CountAsync(b => b.Key.StartsWith(kept.Id.ToString("N")))));
    }

    [Fact]
    public async Task Purging_a_former_member_removes_the_files_of_their_posts_and_leaves_others_files()
    {
        var c = await AConversationAsync();
        var reply = await SendAsync(WithFiles(c, "Here is the screen", [new Upload("shot.png", TestImages.Png(40, 30))]));
        await SendAsync(new DeleteAccount.Command { Password = "correct horse battery", Confirm = true });
        RunAs(c.AliceId);
        var alices = await SendAsync(WithFiles(c, "Mine", [new Upload("alice.log", Log)]));
        await RunAsNewAsync("Ada", Roles.Admin);

        await SendAsync(new PurgeFormerMember.Command(c.BrunoId));

        Assert.False(await QueryAsync(db => db.Attachments.AnyAsync(a => a.PostId == reply.PostId)));
        var left = await QueryAsync(db => db.Attachments.SingleAsync());
        Assert.Equal(alices.PostId, left.PostId);
        Assert.Equal([left.StorageKey(Domain.Attachments.AttachmentVariant.Original)], await QueryAsync(db => db.AttachmentBlobs.Select(b => b.Key).ToListAsync()));
    }

    private static CommunityHub.Application.Threads.ReplyToThread.Command WithFiles(Conversation c, string body, IReadOnlyList<Upload> files)
    {
        var command = Reply(c.Thread, body);
        command.Files = files;
        return command;
    }
}

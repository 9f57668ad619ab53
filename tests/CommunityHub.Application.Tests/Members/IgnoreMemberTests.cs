using CommunityHub.Application.Members;
using CommunityHub.Application.Tests.Moderation;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Members;

/// <summary>Ignoring a member against PostgreSQL: their posts come collapsed on the ignorer's thread page, nothing they
/// do notifies the ignorer (while others still do), moderators and staff cannot be ignored, and the rows are in the
/// data download and go with the account, both ways.</summary>
public sealed class IgnoreMemberTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    private Task<int> NotificationsAsync(Guid recipient, Guid actor) =>
        QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == recipient && n.ActorId == actor));

    [Fact]
    public async Task An_ignored_member_cannot_notify_or_mention_the_ignorer_and_their_posts_come_collapsed()
    {
        var c = await AConversationAsync();
        Assert.Equal(1, await NotificationsAsync(c.AliceId, c.BrunoId));

        RunAs(c.AliceId);
        await SendAsync(new IgnoreMember.Command { MemberId = c.BrunoId });
        await SendAsync(new IgnoreMember.Command { MemberId = c.BrunoId });
        Assert.Equal(1, await QueryAsync(db => db.IgnoredMembers.CountAsync()));

        RunAs(c.BrunoId);
        await SendAsync(Reply(c.Thread, "Did that work, @alice?"));
        Assert.Equal(1, await NotificationsAsync(c.AliceId, c.BrunoId));
        var chloe = await RunAsNewAsync("Chloe");
        await SendAsync(Reply(c.Thread, "It works for me, @alice."));
        Assert.Equal(1, await NotificationsAsync(c.AliceId, chloe));

        RunAs(c.AliceId);
        var page = await ReadThreadAsync(c.Thread);
        Assert.All(page.Replies, r => Assert.Equal(r.AuthorId == c.BrunoId, r.AuthorIgnored));
        Assert.False(page.OpeningPost.AuthorIgnored);
        RunAs(chloe);
        Assert.DoesNotContain((await ReadThreadAsync(c.Thread)).Replies, r => r.AuthorIgnored);

        RunAs(c.AliceId);
        Assert.Equal(["Bruno"], (await SendAsync(new GetIgnoredMembers.Query())).Select(i => i.DisplayName));
        await SendAsync(new StopIgnoringMember.Command { MemberId = c.BrunoId });
        Assert.DoesNotContain((await ReadThreadAsync(c.Thread)).Replies, r => r.AuthorIgnored);
        RunAs(c.BrunoId);
        await SendAsync(Reply(c.Thread, "Glad it works, @alice."));
        Assert.Equal(2, await NotificationsAsync(c.AliceId, c.BrunoId));
    }

    [Theory]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Admin)]
    public async Task Moderators_and_staff_cannot_be_ignored_and_nothing_is_written(string role)
    {
        var mona = await RunAsNewAsync("Mona", role);
        await RunAsNewAsync("Alice");

        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new IgnoreMember.Command { MemberId = mona }));

        Assert.Contains("cannot be ignored", refused.Message, StringComparison.Ordinal);
        Assert.False(await QueryAsync(db => db.IgnoredMembers.AnyAsync()));
    }

    [Fact]
    public async Task Whom_you_ignore_is_in_your_data_download_and_deleting_an_account_removes_the_rows_both_ways()
    {
        var bruno = await RunAsNewAsync("Bruno");
        var chloe = await RunAsNewAsync("Chloe");
        await SendAsync(new IgnoreMember.Command { MemberId = bruno });
        var alice = await RunAsNewAsync("Alice");
        await SendAsync(new IgnoreMember.Command { MemberId = bruno });
        await SendAsync(new IgnoreMember.Command { MemberId = chloe });

        using var download = new MemoryStream();
        await SendAsync(new DownloadMyData.Query(download));
        using var json = System.Text.Json.JsonDocument.Parse(download.ToArray());
        Assert.Equal(["Bruno", "Chloe"], json.RootElement.GetProperty("ignoredMembers").EnumerateArray().Select(i => i.GetProperty("member").GetString()));

        RunAs(bruno);
        await SendAsync(new DeleteAccount.Command { Password = "correct horse battery", Confirm = true });
        var left = await QueryAsync(db => db.IgnoredMembers.Select(i => new { i.IgnorerId, i.IgnoredId }).ToListAsync());
        Assert.Equal([(alice, chloe)], left.Select(i => (i.IgnorerId, i.IgnoredId)));
    }
}

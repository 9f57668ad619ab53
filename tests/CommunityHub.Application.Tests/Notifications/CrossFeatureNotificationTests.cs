using CommunityHub.Application.Moderation;
using CommunityHub.Application.Reciprocity;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Notifications;

/// <summary>Mentions, help, accepted answers and moderators' actions reach the member they concern.</summary>
public sealed class CrossFeatureNotificationTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private Task<List<Notification>> NotificationsOfAsync(Guid member) =>
        QueryAsync(db => db.Notifications.Where(n => n.RecipientId == member).OrderBy(n => n.Id).ToListAsync());

    private async Task<(Guid Alice, Guid Bruno, StartThread.Result Thread, long Reply)> AliceAsksBrunoAnswersAsync()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Exporting", Body = "How do I export?", SubmissionId = Guid.NewGuid() });
        var bruno = await RunAsNewMemberAsync("Bruno");
        var reply = await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = "Use the export view.", SubmissionId = Guid.NewGuid() });
        return (alice, bruno, thread, reply.PostId);
    }

    [Fact]
    public async Task A_mentioned_member_is_told_once()
    {
        await CreateSpaceAsync();
        var chloe = await RunAsNewMemberAsync("Chloe");
        var alice = await RunAsNewMemberAsync("Alice");

        await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Ask Chloe", Body = "What do you think, @chloe? Really, @chloe.", SubmissionId = Guid.NewGuid() });

        var told = Assert.Single(await NotificationsOfAsync(chloe));
        Assert.Equal((NotificationKind.Mention, alice), (told.Kind, told.ActorId));
    }

    [Fact]
    public async Task Marking_helped_and_accepting_tell_the_replys_author()
    {
        var (alice, bruno, thread, reply) = await AliceAsksBrunoAnswersAsync();
        RunAs(alice);

        await SendAsync(new MarkHelped.Command { PostId = reply });
        await SendAsync(new ThankPost.Command { PostId = reply });
        await SendAsync(new AcceptAnswer.Command { ThreadId = thread.ThreadId, PostId = reply });

        var told = await NotificationsOfAsync(bruno);
        Assert.Equal([NotificationKind.HelpedMe, NotificationKind.AnswerAccepted], told.Select(n => n.Kind));
        Assert.All(told, n => Assert.Equal((alice, reply), (n.ActorId!.Value, n.PostId!.Value)));
    }

    [Fact]
    public async Task A_moderator_hiding_a_reply_tells_its_author()
    {
        var (_, bruno, _, reply) = await AliceAsksBrunoAnswersAsync();
        var morgan = await RunAsNewMemberAsync("Morgan", Roles.Moderator);

        await SendAsync(new HidePost.Command { PostId = reply, Reason = "Off topic." });

        var told = Assert.Single(await NotificationsOfAsync(bruno));
        Assert.Equal((NotificationKind.ModeratorAction, morgan, reply), (told.Kind, told.ActorId!.Value, told.PostId!.Value));
    }
}

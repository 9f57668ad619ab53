using CommunityHub.Domain.Common;
using CommunityHub.Domain.Email;
using CommunityHub.Domain.Notifications;

namespace CommunityHub.Domain.Tests;

public sealed class ConversationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_author_deletes_their_reply_once_and_the_first_time_is_kept()
    {
        var author = Conversations.AMember();
        var thread = Conversations.AThread();
        var reply = thread.AReply(author: author);

        thread.DeleteReply(reply, author, Now.AddMinutes(1));
        thread.DeleteReply(reply, author, Now.AddMinutes(5));

        Assert.Equal(Now.AddMinutes(1), reply.DeletedAt);
    }

    [Fact]
    public void Nobody_but_the_author_deletes_a_reply_and_nobody_deletes_an_opening_post()
    {
        var author = Conversations.AMember();
        var thread = Conversations.AThread(starter: author);
        var reply = thread.AReply(author: author);
        var opening = thread.Posts.Single();

        Assert.Throws<ForbiddenException>(() => thread.DeleteReply(reply, Conversations.AModerator(), Now));
        Assert.Throws<DomainException>(() => thread.DeleteReply(opening, author, Now));
        Assert.Null(reply.DeletedAt);
        Assert.Null(opening.DeletedAt);
    }

    [Fact]
    public void A_deleted_reply_is_nobodys_answer_any_more()
    {
        var starter = Conversations.AMember();
        var author = Conversations.AMember();
        var thread = Conversations.AThread(starter: starter);
        var reply = thread.AReply(author: author);
        thread.AcceptAnswer(reply, starter, null, Now);
        thread.MarkOfficialAnswer(reply, Conversations.AStaffMember(), Now);

        thread.DeleteReply(reply, author, Now);

        Assert.Null(thread.AcceptedAnswerPostId);
        Assert.Null(thread.OfficialAnswerPostId);
    }

    [Fact]
    public void Nobody_is_notified_of_their_own_action_and_reading_keeps_the_first_time()
    {
        var member = Guid.NewGuid();
        Assert.Throws<DomainException>(() => Notification.Create(member, NotificationKind.HelpedMe, member, 1, 2, Now));

        var notification = Notification.Create(member, NotificationKind.HelpedMe, Guid.NewGuid(), 1, 2, Now);
        notification.MarkRead(Now.AddMinutes(1));
        notification.MarkRead(Now.AddMinutes(2));
        Assert.Equal(Now.AddMinutes(1), notification.ReadAt);
    }

    [Fact]
    public void The_most_personal_kind_wins_and_personal_news_goes_by_email_by_default()
    {
        Assert.True(NotificationDefaults.Precedence(NotificationKind.ReplyToYourPost) < NotificationDefaults.Precedence(NotificationKind.ReplyToYourThread));
        Assert.True(NotificationDefaults.Precedence(NotificationKind.ReplyToYourThread) < NotificationDefaults.Precedence(NotificationKind.ReplyInWatchedThread));
        Assert.Equal(NotificationChannel.InAppAndEmail, NotificationDefaults.ChannelFor(NotificationKind.Mention));
        Assert.Equal(NotificationChannel.InApp, NotificationDefaults.ChannelFor(NotificationKind.ReplyInWatchedThread));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(20, 240)]
    public void Failed_emails_back_off_doubling_up_to_four_hours(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), QueuedEmail.Backoff(attempts));

    [Fact]
    public void An_email_needs_an_address_and_a_one_line_subject()
    {
        Assert.Throws<DomainException>(() => QueuedEmail.Create("not-an-address", "", "Hi", "", "", "test", Now));
        Assert.Equal("Two lines", QueuedEmail.Create("a@example.com", "A", "Two\nlines", "", "", "test", Now).Subject);
    }
}

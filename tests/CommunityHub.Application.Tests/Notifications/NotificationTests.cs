using CommunityHub.Domain.Common;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Notifications;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application.Tests.Notifications;

public sealed class NotificationTests(CommunityFixture fixture) : ConversationTest(fixture)
{
    private async Task<List<(Guid Recipient, NotificationKind Kind, long? PostId)>> NotificationsAsync() =>
        (await QueryAsync(db => db.Notifications.OrderBy(n => n.Id).Select(n => new { n.RecipientId, n.Kind, n.PostId }).ToListAsync()))
            .Select(n => (n.RecipientId, n.Kind, n.PostId))
            .ToList();

    [Fact]
    public async Task A_reply_tells_the_threads_author_once_and_not_the_replier()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        var bruno = await RunAsNewMemberAsync("Bruno");

        var reply = await ReplyAsync(thread);

        var all = await NotificationsAsync();
        Assert.Equal([(alice, NotificationKind.ReplyToYourThread, (long?)reply)], all);
        Assert.DoesNotContain(all, n => n.Recipient == bruno);
    }

    [Fact]
    public async Task Each_member_hears_of_one_reply_once_in_its_most_personal_kind()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        var bruno = await RunAsNewMemberAsync("Bruno");
        var brunosReply = await ReplyAsync(thread, "First answer");
        var chloe = await RunAsNewMemberAsync("Chloe");

        // Bruno watches the thread (he replied) and is answered directly: one notification, "replied to your post".
        var chloesReply = await ReplyAsync(thread, "Answering Bruno", inReplyTo: brunosReply);

        var aboutChloesReply = (await NotificationsAsync()).Where(n => n.PostId == chloesReply).ToList();
        Assert.Equal(2, aboutChloesReply.Count);
        Assert.Contains((alice, NotificationKind.ReplyToYourThread, (long?)chloesReply), aboutChloesReply);
        Assert.Contains((bruno, NotificationKind.ReplyToYourPost, (long?)chloesReply), aboutChloesReply);
        Assert.DoesNotContain(aboutChloesReply, n => n.Recipient == chloe);
    }

    [Fact]
    public async Task Starting_or_replying_watches_the_thread_and_watchers_hear_of_later_replies()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        var bruno = await RunAsNewMemberAsync("Bruno");
        await ReplyAsync(thread);
        await RunAsNewMemberAsync("Chloe");

        var later = await ReplyAsync(thread, "Another idea");

        Assert.Contains((bruno, NotificationKind.ReplyInWatchedThread, (long?)later), await NotificationsAsync());
        Assert.Equal(3, await QueryAsync(db => db.ThreadWatches.CountAsync(w => w.ThreadId == thread && w.Level == WatchLevel.Watching)));
    }

    [Fact]
    public async Task A_muted_thread_tells_its_member_nothing_and_replying_does_not_unmute_it()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        await SendAsync(new WatchThread.Command { ThreadId = thread, Choice = ThreadWatchChoice.Muted });
        await ReplyAsync(thread, "My own follow-up");
        await RunAsNewMemberAsync("Bruno");

        await ReplyAsync(thread);

        Assert.DoesNotContain(await NotificationsAsync(), n => n.Recipient == alice);
        Assert.Equal(WatchLevel.Muted, await QueryAsync(db => db.ThreadWatches.Where(w => w.MemberId == alice).Select(w => w.Level).SingleAsync()));
    }

    [Fact]
    public async Task Watching_a_space_tells_of_each_new_thread_in_it()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        var alice = await RunAsNewMemberAsync("Alice");
        await SendAsync(new WatchSpace.Command { Slug = "questions", Watch = true });
        await RunAsNewMemberAsync("Bruno");

        var watched = await StartThreadAsync("In a watched space");
        await StartThreadAsync("Elsewhere", space: "ideas");

        var opening = await QueryAsync(db => db.Posts.Where(p => p.ThreadId == watched && p.IsOpeningPost).Select(p => p.Id).SingleAsync());
        Assert.Equal([(alice, NotificationKind.ThreadInWatchedSpace, (long?)opening)], await NotificationsAsync());
    }

    [Fact]
    public async Task A_staff_note_is_never_notified_to_members_but_is_to_staff()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        var sam = await RunAsNewMemberAsync("Sam", Roles.Staff);
        var note = await ReplyAsync(thread, "Internal: this is a known bug");
        await ExecuteSqlAsync($"DELETE FROM notifications");
        await MarkStaffNoteAsync(note);
        var erin = await NewMemberWithRoleAsync("Erin", Roles.Executive);

        var toAlice = await NotifyAsync(alice, NotificationKind.ReplyToYourThread, sam, thread, note);
        var toErin = await NotifyAsync(erin, NotificationKind.ReplyInWatchedThread, sam, thread, note);

        Assert.False(toAlice);
        Assert.True(toErin);
        Assert.Equal([(erin, NotificationKind.ReplyInWatchedThread, (long?)note)], await NotificationsAsync());
    }

    [Fact]
    public async Task A_hidden_post_is_notified_to_its_author_as_a_moderator_action_and_to_nobody_else()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        var bruno = await RunAsNewMemberAsync("Bruno");
        var reply = await ReplyAsync(thread, "Buy my product");
        await ExecuteSqlAsync($"DELETE FROM notifications");
        await HideAsync(reply);
        var morgan = await RunAsNewMemberAsync("Morgan", Roles.Moderator);

        Assert.True(await NotifyAsync(bruno, NotificationKind.ModeratorAction, morgan, thread, reply));
        Assert.False(await NotifyAsync(alice, NotificationKind.ReplyToYourThread, bruno, thread, reply));
    }

    [Fact]
    public async Task The_same_event_sent_twice_is_recorded_once_and_nobody_hears_of_their_own_action()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        var bruno = await RunAsNewMemberAsync("Bruno");
        var reply = await ReplyAsync(thread);
        await ExecuteSqlAsync($"DELETE FROM notifications");

        Assert.True(await NotifyAsync(bruno, NotificationKind.HelpedMe, alice, thread, reply));
        Assert.False(await NotifyAsync(bruno, NotificationKind.HelpedMe, alice, thread, reply));
        Assert.False(await NotifyAsync(alice, NotificationKind.HelpedMe, alice, thread, reply));

        Assert.Single(await NotificationsAsync());
    }

    [Fact]
    public async Task Each_member_chooses_per_kind_in_the_app_by_email_or_not_at_all()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        await ConfirmEmailOfAsync(alice);
        await SendAsync(new UpdateNotificationSettings.Command
        {
            Channels = { [NotificationKind.ReplyToYourThread] = NotificationChannel.InAppAndEmail, [NotificationKind.ReplyInWatchedThread] = NotificationChannel.None },
        });
        var thread = await StartThreadAsync("Exports");
        await ExecuteSqlAsync($"DELETE FROM email_outbox");
        var bruno = await RunAsNewMemberAsync("Bruno");
        await ReplyAsync(thread, "Use the **Export** button, <script>x</script>");
        await RunAsNewMemberAsync("Chloe");
        await SendAsync(new WatchThread.Command { ThreadId = thread, Choice = ThreadWatchChoice.Watching });
        RunAs(bruno);
        await ReplyAsync(thread, "Or the API.");

        var emails = await QueryAsync(db => db.Emails.Where(e => e.Purpose == "notification").ToListAsync());
        var email = Assert.Single(emails, e => e.Subject.Contains("replied to your thread", StringComparison.Ordinal) && e.TextBody.Contains("Use the", StringComparison.Ordinal));
        Assert.Contains("Bruno replied to your thread \u201cExports\u201d", email.Subject, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"/s/questions/t/{thread}", email.TextBody, StringComparison.Ordinal);

        RunAs(alice);
        var settings = await SendAsync(new GetNotificationSettings.Query());
        Assert.Equal(NotificationChannel.None, settings.Kinds.Single(k => k.Kind == NotificationKind.ReplyInWatchedThread).Channel);
        Assert.Equal(2, await QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == alice)));
    }

    [Fact]
    public async Task No_email_goes_to_an_unconfirmed_address()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        await SendAsync(new UpdateNotificationSettings.Command { Channels = { [NotificationKind.ReplyToYourThread] = NotificationChannel.InAppAndEmail } });
        var thread = await StartThreadAsync();
        await RunAsNewMemberAsync("Bruno");

        await ReplyAsync(thread);

        Assert.Equal(0, await QueryAsync(db => db.Emails.CountAsync(e => e.Purpose == "notification")));
        Assert.Equal(1, await QueryAsync(db => db.Notifications.CountAsync()));
    }

    [Fact]
    public async Task The_notifications_page_lists_newest_first_and_counts_unread_and_marking_reads_them()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync("Exports");
        await RunAsNewMemberAsync("Bruno");
        await ReplyAsync(thread, "One");
        await ReplyAsync(thread, "Two");
        RunAs(alice);

        var page = await SendAsync(new ListNotifications.Query());
        Assert.Equal(2, page.UnreadCount);
        Assert.Equal(2, await SendAsync(new CountUnreadNotifications.Query()));
        Assert.All(page.Items, i => Assert.Equal(("Bruno", "Exports", NotificationKind.ReplyToYourThread), (i.ActorName, i.ThreadTitle, i.Kind)));
        Assert.True(page.Items[0].Id > page.Items[1].Id);

        await SendAsync(new MarkNotificationRead.Command(page.Items[0].Id));
        Assert.Equal(1, await SendAsync(new CountUnreadNotifications.Query()));
        await SendAsync(new MarkAllNotificationsRead.Command());
        Assert.Equal(0, await SendAsync(new CountUnreadNotifications.Query()));
    }

    [Fact]
    public async Task Member_cannot_mark_someone_elses_notification_read()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        await RunAsNewMemberAsync("Bruno");
        await ReplyAsync(thread);
        var id = await QueryAsync(db => db.Notifications.Where(n => n.RecipientId == alice).Select(n => n.Id).SingleAsync());

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new MarkNotificationRead.Command(id)));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new MarkNotificationRead.Command(id + 1000)));
        RunAsAnonymous();
        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new ListNotifications.Query()));
        Assert.Null(await QueryAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task A_notification_about_a_post_deleted_or_hidden_later_leaves_the_list()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        await RunAsNewMemberAsync("Bruno");
        var first = await ReplyAsync(thread, "Spam");
        var second = await ReplyAsync(thread, "Oops");
        await SendAsync(new CommunityHub.Application.Threads.DeleteReply.Command(thread, second));
        await HideAsync(first);
        RunAs(alice);

        var page = await SendAsync(new ListNotifications.Query());

        Assert.Empty(page.Items);
        Assert.Equal(0, page.UnreadCount);
    }

    [Fact]
    public async Task A_failing_notification_rolls_back_the_reply_that_caused_it()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartThreadAsync();
        await RunAsNewMemberAsync("Bruno");
        // A trigger makes writing any notification fail: the reply must not be written either.
        await ExecuteSqlAsync($"CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$");
        await ExecuteSqlAsync($"CREATE TRIGGER refuse_notifications BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION refuse()");
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => ReplyAsync(thread, "Never seen"));
        }
        finally
        {
            await ExecuteSqlAsync($"DROP TRIGGER refuse_notifications ON notifications");
            await ExecuteSqlAsync($"DROP FUNCTION refuse()");
        }

        Assert.Equal(0, await QueryAsync(db => db.Posts.CountAsync(p => !p.IsOpeningPost)));
    }

    [Fact]
    public async Task A_reply_that_mentions_the_starter_in_their_watched_thread_tells_them_once_as_a_mention()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        await ConfirmEmailOfAsync(alice);
        var thread = await StartThreadAsync();
        await RunAsNewMemberAsync("Bruno");
        await ExecuteSqlAsync($"DELETE FROM email_outbox");

        // Watching, starter of the thread, and mentioned: three reasons, one notice, in the most personal kind.
        var reply = await ReplyAsync(thread, "Hey @alice, see this");

        Assert.Equal([(alice, NotificationKind.Mention, (long?)reply)], await NotificationsAsync());
        Assert.Equal(1, await QueryAsync(db => db.Emails.CountAsync(e => e.Subject.Contains("mentioned you"))));
    }

    private async Task<bool> NotifyAsync(Guid recipient, NotificationKind kind, Guid actor, long thread, long post)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var news = await notifier.NewsAboutAsync(thread, post, actor, CancellationToken.None) ?? throw new InvalidOperationException("No such thread.");
        var told = await notifier.TellAsync(news, [new Notifier.Recipient(recipient, kind)], watchers: null, CancellationToken.None) == 1;
        await scope.ServiceProvider.GetRequiredService<Application.Common.Persistence.UnitOfWork>().CompleteAsync(CancellationToken.None);
        return told;
    }
}

using CommunityHub.Application.Notifications;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Notifications;

public sealed class DigestTests(CommunityFixture fixture) : ConversationTest(fixture)
{
    private async Task<Guid> SubscriberAsync(string name = "Alice", params string[] spaces)
    {
        var id = await RunAsNewMemberAsync(name);
        await ConfirmEmailOfAsync(id);
        foreach (var space in spaces)
        {
            await SendAsync(new WatchSpace.Command { Slug = space, Watch = true });
        }

        await SendAsync(new UpdateNotificationSettings.Command { Digest = true });
        return id;
    }

    [Fact]
    public async Task A_subscriber_gets_one_digest_a_day_of_the_best_new_threads_and_replies_in_watched_spaces()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        await SubscriberAsync("Alice", "questions");
        await ExecuteSqlAsync($"DELETE FROM email_outbox");
        Fixture.Clock.Advance(TimeSpan.FromHours(1));
        await RunAsNewMemberAsync("Bruno");
        var quiet = await StartThreadAsync("A quiet thread");
        var busy = await StartThreadAsync("A busy thread");
        await StartThreadAsync("Not watched", space: "ideas");
        var answered = await ReplyAsync(busy, "The reply everyone answered");
        await RunAsNewMemberAsync("Chloe");
        await ReplyAsync(busy, "Agreed", inReplyTo: answered);
        await ExecuteSqlAsync($"DELETE FROM email_outbox WHERE purpose <> 'digest'");

        Assert.Equal(0, await SendAsync(new SendDailyDigests.Command())); // not a day yet
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await SendAsync(new SendDailyDigests.Command()));
        Assert.Equal(0, await SendAsync(new SendDailyDigests.Command())); // once a day

        var digest = await QueryAsync(db => db.Emails.SingleAsync(e => e.Purpose == "digest"));
        Assert.StartsWith("alice.", digest.ToAddress, StringComparison.Ordinal);
        var busyAt = digest.TextBody.IndexOf("A busy thread", StringComparison.Ordinal);
        var quietAt = digest.TextBody.IndexOf("A quiet thread", StringComparison.Ordinal);
        Assert.True(busyAt >= 0 && quietAt > busyAt, digest.TextBody);
        Assert.DoesNotContain("Not watched", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("The reply everyone answered", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/s/questions/t/{quiet}", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_leaves_out_staff_notes_for_members_and_a_quiet_day_sends_nothing()
    {
        await CreateSpaceAsync();
        await SubscriberAsync("Alice", "questions");
        await ExecuteSqlAsync($"DELETE FROM email_outbox");
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await SendAsync(new SendDailyDigests.Command()));
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        await RunAsNewMemberAsync("Sam", Roles.Staff);
        var thread = await StartThreadAsync("Staff thread");
        var note = await ReplyAsync(thread, "Internal staff words");
        await MarkStaffNoteAsync(note);
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await SendAsync(new SendDailyDigests.Command()));

        var digest = await QueryAsync(db => db.Emails.SingleAsync(e => e.Purpose == "digest"));
        Assert.Contains("Staff thread", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal staff words", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opting_out_stops_the_digest()
    {
        await CreateSpaceAsync();
        await SubscriberAsync("Alice", "questions");
        await SendAsync(new UpdateNotificationSettings.Command { Digest = false });
        await RunAsNewMemberAsync("Bruno");
        await StartThreadAsync();
        Fixture.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(0, await SendAsync(new SendDailyDigests.Command()));
        Assert.False((await QueryAsync(db => db.DigestSubscriptions.AnyAsync())));
    }
}

using CommunityHub.Application.Notifications;
using CommunityHub.Application.Spaces;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application.Tests.Notifications;

public sealed class DemoSeedTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    [Fact]
    public async Task The_demo_community_gives_alice_unread_notifications_watched_spaces_and_a_thread_with_new_replies()
    {
        // Seeded once per run by the initializer, as ./run.sh seeds it; this test reads a copy of its own.
        await Fixture.UseDemoCommunityAsync();

        var alice = await QueryAsync(db => db.Members.Where(m => m.DisplayName == "Alice Chen").Select(m => m.Id).SingleAsync());
        Fixture.CurrentUser.ActAs(alice, Roles.Member);

        var notifications = await SendAsync(new ListNotifications.Query());
        var settings = await SendAsync(new GetNotificationSettings.Query());
        var questions = await SendAsync(new GetSpace.Query("questions"));

        Assert.Equal(2, notifications.UnreadCount);
        Assert.Contains(notifications.Items, n => n is { IsRead: true });
        Assert.Contains(notifications.Items, n => n.ActorName == "Sam Patel" && n.ThreadTitle.StartsWith("Single sign-on", StringComparison.Ordinal));
        Assert.True(settings.Digest);
        Assert.Equal(["Questions & answers", "Show and tell"], settings.WatchedSpaces.Select(s => s.Name));
        Assert.True(questions.IsWatched);
        Assert.True(questions.Threads.Single(t => t.Title.StartsWith("Single sign-on", StringComparison.Ordinal)).HasUnread);
    }
}

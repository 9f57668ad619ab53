using System.Net;
using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Operations.Tests;

/// <summary>Two instances on different ports and one database, as behind a load balancer without sticky sessions.
/// Each has a home folder of its own (another machine), so only the database can carry what they share.</summary>
[Collection(OperationsTests.Name)]
public sealed class ManyInstancesTests(OperationsFixture fixture)
{
    [Fact]
    public async Task Two_instances_started_together_on_an_empty_database_migrate_and_seed_it_once()
    {
        var database = await fixture.NewDatabaseAsync("instances_start");
        var demo = new Dictionary<string, string> { ["Seed__Demo"] = "true" };

        var started = await Task.WhenAll(AppProcess.StartAsync("together-a", database, demo), AppProcess.StartAsync("together-b", database, demo));
        await using var a = started[0];
        await using var b = started[1];

        // The demo accounts; Nico, a New member whose first reply waits in the approval queue (issue 14); and the
        // Release Notes Bot that Ada's service token acts as (issue 17).
        Assert.Equal(DemoCommunity.Accounts.Count + 2, await OperationsFixture.DbAsync(database, db => db.Members.CountAsync()));
        Assert.Equal(Roles.All.Count, await OperationsFixture.DbAsync(database, db => db.Roles.CountAsync()));
        foreach (var instance in started)
        {
            using var visitor = instance.NewVisitor();
            using var ready = await visitor.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
    }

    [Fact]
    public async Task A_member_signed_in_on_one_instance_is_signed_in_on_the_other_and_forms_and_posts_cross_over()
    {
        var database = await fixture.NewDatabaseAsync("instances");
        await using var a = await AppProcess.StartAsync("instance-a", database);
        await using var b = await AppProcess.StartAsync("instance-b", database);
        await OperationsFixture.CreateSpaceAsync(database);

        // One browser, its requests sent to either instance by the balancer.
        var browser = new CookieContainer();
        using var onA = a.NewVisitor(browser);
        using var onB = b.NewVisitor(browser);
        await onA.RegisterAsync("Alice Chen");

        using (var home = await onB.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var page = await home.Content.ReadAsStringAsync();
            Assert.True(page.Contains("Signed in as", StringComparison.Ordinal) && page.Contains("Alice Chen", StringComparison.Ordinal), "instance B did not take instance A's sign-in cookie");
        }

        // A form served by A (its antiforgery token and cookie made there) is accepted by B.
        var form = await onA.FillAsync("/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "Started on B with a form from A", ["Input.Body"] = "Does this work across instances?" });
        string threadUrl;
        using (var started = await onB.PostAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
            threadUrl = started.Headers.Location!.OriginalString;
        }

        // And the other way round, a reply: B's form, posted to A.
        var reply = await onB.FillAsync(threadUrl, new Dictionary<string, string> { ["Input.Body"] = "Replied on A with a form from B" }, "#reply-form form");
        using (var replied = await onA.PostAsync(reply))
        {
            Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        }

        // What one wrote, the other shows.
        foreach (var instance in new[] { onA, onB })
        {
            using var page = await instance.GetAsync(threadUrl);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Started on B with a form from A", html, StringComparison.Ordinal);
            Assert.Contains("Replied on A with a form from B", html, StringComparison.Ordinal);
        }

        // Signing out on B ends the session on A too: the cookie is gone from the browser, and nothing else held it.
        var signOut = await onB.FillAsync("/", new Dictionary<string, string>(), "form[action='/account/sign-out']");
        using (var signedOut = await onB.PostAsync(signOut))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        using (var home = await onA.GetAsync("/"))
        {
            Assert.DoesNotContain("Signed in as", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(2, await OperationsFixture.DbAsync(database, db => db.Posts.CountAsync()));
    }

    [Fact]
    public async Task A_page_a_visitor_has_read_on_one_instance_shows_a_reply_posted_on_the_other_at_once()
    {
        var database = await fixture.NewDatabaseAsync("instances_cache");
        // Kept pages live ten minutes here: only the other instance's word can drop one in time.
        var settings = new Dictionary<string, string> { ["VisitorPageCache__Lifetime"] = "00:10:00" };
        await using var a = await AppProcess.StartAsync("cache-a", database, settings);
        await using var b = await AppProcess.StartAsync("cache-b", database, settings);
        await OperationsFixture.CreateSpaceAsync(database);
        using var alice = a.NewVisitor();
        await alice.RegisterAsync("Alice Chen");
        string threadUrl;
        using (var started = await alice.SubmitAsync("/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "Read on B, answered on A", ["Input.Body"] = "Will B show the answer?" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
            threadUrl = started.Headers.Location!.OriginalString;
        }

        using var reader = b.NewVisitor();
        var lastAnswer = string.Empty;
        Assert.True(await EventuallyAsync(async () =>
        {
            using var page = await reader.GetAsync(threadUrl);
            lastAnswer = $"{(int)page.StatusCode} {page.Headers} {page.Content.Headers}";
            return page.StatusCode == HttpStatusCode.OK && page.Headers.Age is not null;
        }, TimeSpan.FromSeconds(60)), "instance B never served the visitor's page from its cache (it keeps none until it hears the others); its last answer: " + lastAnswer);

        using (var replied = await alice.SubmitAsync(threadUrl, new Dictionary<string, string> { ["Input.Body"] = "Answered on A, seen on B" }, "#reply-form form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        }

        Assert.True(await EventuallyAsync(async () =>
        {
            using var page = await reader.GetAsync(threadUrl);
            return (await page.Content.ReadAsStringAsync()).Contains("Answered on A, seen on B", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(10)), "instance B still showed its kept page ten seconds after the reply on instance A (kept pages live ten minutes here)");
    }

    /// <summary>Whether <paramref name="condition"/> holds within <paramref name="within"/> (asked every 50 ms).</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}

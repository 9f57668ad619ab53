using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Conversation;

public sealed class NotificationPageTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task A_reply_shows_in_the_authors_header_count_and_on_their_notifications_page_until_marked_read()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice, title: "Exports & <imports>");
        using var _ = await ReplyAsync(await NewMemberAsync("Bruno"), thread, "Try the menu.");

        var home = await GetPageAsync(alice, "/");
        Assert.Equal("Notifications, 1 unread", home.QuerySelector(".notification-link")!.TextContent.Trim());
        var page = await GetPageAsync(alice, "/notifications");
        var item = Assert.Single(page.QuerySelectorAll(".notification"));
        Assert.Contains("Bruno replied to your thread Exports & <imports>", item.QuerySelector(".notification__text")!.TextContent.Replace("New", "").Trim(), StringComparison.Ordinal);
        Assert.StartsWith(thread + "?before=", item.QuerySelector(".notification__text a")!.GetAttribute("href"), StringComparison.Ordinal);

        using var marked = await SubmitFormAsync(alice, "/notifications", new Dictionary<string, string>(), ".notification form");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Null((await GetPageAsync(alice, "/")).QuerySelector(".notification-link .badge"));
        Assert.Contains("all caught up", (await GetPageAsync(alice, "/notifications")).QuerySelector(".lede")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_the_thread_reads_its_notifications_and_mark_all_reads_the_rest()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var first = await StartThreadAsync(alice, title: "First");
        var second = await StartThreadAsync(alice, title: "Second");
        var bruno = await NewMemberAsync("Bruno");
        using (await ReplyAsync(bruno, first, "One")) { }
        using (await ReplyAsync(bruno, second, "Two")) { }

        // Opening the thread shows the reply, marked as new, and reads its notification.
        var opened = await GetPageAsync(alice, first);
        Assert.Contains("One", opened.QuerySelector("#new + .post")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(", 1 unread", (await GetPageAsync(alice, "/")).QuerySelector(".notification-link .badge")!.TextContent);

        using var all = await SubmitFormAsync(alice, "/notifications", new Dictionary<string, string>(), ".page-header form");
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.Null((await GetPageAsync(alice, "/")).QuerySelector(".notification-link .badge"));
    }

    [Fact]
    public async Task A_forged_mark_read_of_someone_elses_notification_is_refused()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var bruno = await NewMemberAsync("Bruno");
        using (await ReplyAsync(bruno, thread, "Hi")) { }
        var id = await DbAsync(db => db.Notifications.Select(n => n.Id).SingleAsync());
        var token = FormValues((await GetPageAsync(bruno, "/notifications/settings")).QuerySelector<IHtmlFormElement>("main form")!)["__RequestVerificationToken"];

        using var forged = await PostAsync(bruno, $"/notifications?handler=read&id={id}", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var withoutToken = await PostAsync(bruno, "/notifications?handler=readAll", new Dictionary<string, string>());
        using var anonymous = await NewVisitor().GetAsync("/notifications");

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Null(await DbAsync(db => db.Notifications.Select(n => n.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task Anonymous_posts_to_watch_mute_or_change_settings_are_sent_to_sign_in_and_change_nothing()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var visitor = NewVisitor();
        var token = FormValues((await GetPageAsync(visitor, "/account/sign-in")).QuerySelector<IHtmlFormElement>("main form")!)["__RequestVerificationToken"];

        foreach (var (url, fields) in new (string, Dictionary<string, string>)[]
        {
            ($"{thread}?handler=watch", new() { ["choice"] = "Muted" }),
            ("/s/questions?handler=watch", new() { ["watch"] = "true" }),
            ("/notifications/settings", new() { ["Input.Digest"] = "true" }),
            ("/notifications?handler=readAll", new()),
        })
        {
            fields["__RequestVerificationToken"] = token;
            using var response = await PostAsync(visitor, url, fields);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await DbAsync(db => db.SpaceWatches.CountAsync()));
        Assert.Equal(0, await DbAsync(db => db.DigestSubscriptions.CountAsync()));
        Assert.Equal(0, await DbAsync(db => db.ThreadWatches.CountAsync(w => w.Level == Domain.Notifications.WatchLevel.Muted)));
    }

    [Fact]
    public async Task Settings_save_per_kind_and_the_digest()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");

        using var saved = await SubmitFormAsync(alice, "/notifications/settings", new Dictionary<string, string>
        {
            ["Input.Channels[ReplyToYourThread]"] = "None",
            ["Input.Channels[Mention]"] = "InApp",
            ["Input.Digest"] = "true",
        }, "#settings-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await GetPageAsync(alice, "/notifications/settings");
        Assert.NotNull(page.QuerySelector("#channel-ReplyToYourThread-None[checked]"));
        Assert.NotNull(page.QuerySelector("#channel-Mention-InApp[checked]"));
        Assert.NotNull(page.QuerySelector("#digest[checked]"));
        Assert.Equal("Your notification settings are saved.", page.QuerySelector("[role=status]")!.TextContent);

        var thread = await StartThreadAsync(alice);
        using (await ReplyAsync(await NewMemberAsync("Bruno"), thread, "Quiet")) { }
        Assert.Equal(0, await DbAsync(db => db.Notifications.CountAsync()));

        using var invalid = await SubmitFormAsync(alice, "/notifications/settings", new Dictionary<string, string> { ["Input.Channels[Mention]"] = "Carrier pigeon" }, "#settings-form");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);

        using var resent = await SubmitFormAsync(alice, "/notifications/settings", new Dictionary<string, string>(), ".notice");
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal("We sent the confirmation e-mail again. Follow its link to confirm your address.",
            (await GetPageAsync(alice, "/notifications/settings")).QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task Members_watch_and_mute_threads_and_watch_spaces_with_forms()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(await NewMemberAsync("Bruno"));
        Assert.Contains("Not watching", (await GetPageAsync(alice, thread)).QuerySelector(".watch-form")!.TextContent, StringComparison.Ordinal);

        var form = (await GetPageAsync(alice, thread)).QuerySelector<IHtmlFormElement>(".watch-form")!;
        using var watched = await PostAsync(alice, form.GetAttribute("action")!, FormValues(form, new Dictionary<string, string> { ["choice"] = "Watching" }));
        Assert.Equal(HttpStatusCode.Redirect, watched.StatusCode);
        Assert.Contains("Watching", (await GetPageAsync(alice, thread)).QuerySelector(".watch-form__state")!.TextContent, StringComparison.Ordinal);
        using var muted = await PostAsync(alice, form.GetAttribute("action")!, FormValues(form, new Dictionary<string, string> { ["choice"] = "Muted" }));
        Assert.Contains("Muted", (await GetPageAsync(alice, thread)).QuerySelector(".watch-form__state")!.TextContent, StringComparison.Ordinal);

        using var spaceWatched = await SubmitFormAsync(alice, "/s/questions", new Dictionary<string, string>(), ".page-actions form");
        Assert.Equal(HttpStatusCode.Redirect, spaceWatched.StatusCode);
        Assert.Equal("Stop watching this space", (await GetPageAsync(alice, "/s/questions")).QuerySelector(".page-actions button")!.TextContent);
        Assert.Equal(1, await DbAsync(db => db.SpaceWatches.CountAsync()));
        Assert.Null((await GetPageAsync(NewVisitor(), thread)).QuerySelector(".watch-form"));
    }
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>The title form over HTTP (/s/{slug}/t/{id}/title): the starter and a Leader change a title with a plain
/// form; a plain member's forged POST is a 403, a locked thread keeps its title with a sentence on the form.</summary>
public sealed class RetitlePageTests(WebFixture fixture) : WebTest(fixture)
{
    private Task<string> TitleAsync() => DbAsync(db => db.Threads.Select(t => t.Title).SingleAsync());

    [Fact]
    public async Task The_starter_and_a_leader_change_the_title_and_a_plain_members_forged_post_is_refused()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice, title: "help");
        var bruno = await NewMemberAsync("Bruno");

        Assert.Null((await GetPageAsync(bruno, thread)).QuerySelector(".thread-retitle a"));
        using (var page = await bruno.GetAsync($"{thread}/title"))
        {
            Assert.True(page.StatusCode == HttpStatusCode.Forbidden || page.Headers.Location?.OriginalString.Contains("/error/403", StringComparison.Ordinal) == true, $"GET answered {page.StatusCode}");
        }

        var token = (await GetPageAsync(bruno, "/s/questions/new")).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        using (var forged = await PostAsync(bruno, $"{thread}/title", new Dictionary<string, string> { ["Input.Title"] = "Cheap watches", ["__RequestVerificationToken"] = token }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        Assert.Equal("help", await TitleAsync());
        var link = (await GetPageAsync(alice, thread)).QuerySelector(".thread-retitle a")!.GetAttribute("href");
        Assert.Equal($"{thread}/title", link);
        using (var own = await SubmitFormAsync(alice, $"{thread}/title", new Dictionary<string, string> { ["Input.Title"] = "Export drops the filters" }))
        {
            Assert.Equal((HttpStatusCode.Redirect, thread), (own.StatusCode, own.Headers.Location!.OriginalString));
        }

        Assert.Equal("Export drops the filters", await TitleAsync());
        await DbAsync(db => db.Members.Where(m => m.DisplayName == "Bruno").ExecuteUpdateAsync(s => s.SetProperty(m => m.TrustLockedAt, TrustLevel.Leader)));
        Assert.NotNull((await GetPageAsync(bruno, thread)).QuerySelector(".thread-retitle a"));
        using (var leaders = await SubmitFormAsync(bruno, $"{thread}/title", new Dictionary<string, string> { ["Input.Title"] = "CSV export drops the report's filters" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, leaders.StatusCode);
        }

        Assert.Equal("CSV export drops the report's filters", await TitleAsync());
        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);
        var log = await GetPageAsync(morgan, "/moderation/log");
        Assert.Contains("Changed a thread's title", log.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_title_or_a_locked_thread_is_a_sentence_on_the_form_and_nothing_changes()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice, title: "help");

        using (var empty = await SubmitFormAsync(alice, $"{thread}/title", new Dictionary<string, string> { ["Input.Title"] = "  " }))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("title", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var id = await DbAsync(db => db.Threads.Select(t => t.Id).SingleAsync());
        var form = await GetPageAsync(alice, $"{thread}/title");
        await DbAsync(db => db.Threads.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsLocked, true)));
        // The form was open before a moderator locked the thread: the POST is refused with a sentence, not a 500.
        var token = form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        using (var locked = await PostAsync(alice, $"{thread}/title", new Dictionary<string, string> { ["Input.Title"] = "Better", ["__RequestVerificationToken"] = token }))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, locked.StatusCode);
            Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.NotNull(form.QuerySelector("label[for='Input_Title']"));
        Assert.Equal("help", await TitleAsync());
    }
}

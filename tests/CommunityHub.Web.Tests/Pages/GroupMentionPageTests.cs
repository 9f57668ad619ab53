using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>A group's @mention handle over HTTP: an admin sets it on /admin/groups/{id}/mentions (a taken handle is a
/// sentence on the form), a staff member's @beta then tells the group's members, and a moderator's or member's forged
/// POST changes nothing.</summary>
public sealed class GroupMentionPageTests(WebFixture fixture) : WebTest(fixture)
{
    private sealed record Setup(HttpClient Ada, HttpClient Bea, int GroupId);

    /// <summary>Ada (admin) creates "Beta programme" on the pages and adds Bea.</summary>
    private async Task<Setup> BetaProgrammeAsync()
    {
        await CreateSpaceAsync();
        var bea = await NewMemberAsync("Bea");
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        using var created = await SubmitFormAsync(ada, "/admin/groups", new Dictionary<string, string> { ["Input.Name"] = "Beta programme" });
        var groupUrl = created.Headers.Location!.OriginalString;
        using var added = await SubmitFormAsync(ada, groupUrl, new Dictionary<string, string> { ["Input.Handle"] = "bea" }, "main form.form");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return new Setup(ada, bea, int.Parse(groupUrl.Split('/')[^1], CultureInfo.InvariantCulture));
    }

    private static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_admin_gives_a_group_a_handle_that_the_staff_side_uses_to_tell_its_members()
    {
        var setup = await BetaProgrammeAsync();
        var mentions = $"/admin/groups/{setup.GroupId}/mentions";

        using var taken = await SubmitFormAsync(setup.Ada, mentions, new Dictionary<string, string> { ["Input.MentionHandle"] = "bea", ["Input.MentionableBy"] = "StaffSide" });
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var refusedHtml = await taken.Content.ReadAsStringAsync();
        var refused = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(refusedHtml);
        Assert.Contains("@bea is taken by a member", refused.QuerySelector("#Input_MentionHandle-error")!.TextContent, StringComparison.Ordinal);
        using var saved = await SubmitFormAsync(setup.Ada, mentions, new Dictionary<string, string> { ["Input.MentionHandle"] = "beta", ["Input.MentionableBy"] = "StaffSide" });
        Assert.Equal((HttpStatusCode.Redirect, $"/admin/groups/{setup.GroupId}"), (saved.StatusCode, saved.Headers.Location!.OriginalString));
        var groupPage = await HtmlAsync(setup.Ada, $"/admin/groups/{setup.GroupId}");
        Assert.Contains("@beta tells its members, when used by the staff side", (await GetPageAsync(setup.Ada, $"/admin/groups/{setup.GroupId}")).QuerySelector("#mentions-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var findings = await HtmlConformanceTests.CheckAsync(new Dictionary<string, string>
        {
            ["admin-group-mentions"] = await HtmlAsync(setup.Ada, mentions),
            ["admin-group-mentions-refused"] = refusedHtml,
            ["admin-group-with-mentions"] = groupPage,
        });
        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));

        var sam = await NewMemberAsync("Sam", Roles.Staff);
        await StartThreadAsync(sam, title: "The beta build is out", body: "@beta please try the new exports.");
        var bea = await DbAsync(db => db.Members.Where(m => m.Handle == "bea").Select(m => m.Id).SingleAsync());
        Assert.Equal([NotificationKind.Mention], await DbAsync(db => db.Notifications.Where(n => n.RecipientId == bea).Select(n => n.Kind).ToListAsync()));
    }

    [Fact]
    public async Task A_moderators_or_members_forged_mentions_post_is_refused_and_changes_nothing()
    {
        var setup = await BetaProgrammeAsync();
        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);
        var entries = await DbAsync(db => db.ModerationLog.CountAsync());
        var mentions = $"/admin/groups/{setup.GroupId}/mentions";

        foreach (var person in new[] { morgan, setup.Bea })
        {
            using var page = await person.GetAsync(mentions);
            Assert.True(page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal), $"GET answered {page.StatusCode}");
            var token = FormValues(((await GetPageAsync(person, "/s/questions/new")).QuerySelector("main form") as IHtmlFormElement ?? throw new InvalidOperationException("No form.")))["__RequestVerificationToken"];
            using var forged = await PostAsync(person, mentions, new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.MentionHandle"] = "everyone",
                ["Input.MentionableBy"] = "AnyMember",
            });
            Assert.True(forged.StatusCode == HttpStatusCode.Redirect && forged.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal), $"POST answered {forged.StatusCode}");
        }

        Assert.Null(await DbAsync(db => db.Groups.Select(g => g.MentionHandle).SingleAsync()));
        Assert.Equal(GroupMentions.Nobody, await DbAsync(db => db.Groups.Select(g => g.MentionableBy).SingleAsync()));
        Assert.Equal(entries, await DbAsync(db => db.ModerationLog.CountAsync()));
    }
}

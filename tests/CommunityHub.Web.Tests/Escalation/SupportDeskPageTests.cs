using System.Net;
using AngleSharp.Dom;
using CommunityHub.Domain.Escalation;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Escalation;

/// <summary>The support desk connection page (/admin/support-desk): admins only; the authorization value is stored and
/// never shown back; bad addresses are refused on the form with nothing written; the pages are valid HTML.</summary>
public sealed class SupportDeskPageTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task An_admin_connects_the_desk_and_the_authorization_value_is_never_shown_back()
    {
        var ada = await NewMemberAsync("Ada", Roles.Admin);

        using var saved = await SubmitFormAsync(ada, "/admin/support-desk", new Dictionary<string, string>
        {
            ["Input.Url"] = "https://acme.zendesk.com",
            ["Input.Format"] = "Zendesk",
            ["Input.Authorization"] = "Basic c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1ub3QtbGVhaw==",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var desk = await DbAsync(db => db.SupportDesks.AsNoTracking().SingleAsync());
        Assert.Equal(("https://acme.zendesk.com/", DeskFormat.Zendesk, "Basic c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1ub3QtbGVhaw=="), (desk.Url, desk.Format, desk.Authorization));
        Assert.Equal(64, desk.SigningSecret.Length);
        var page = await GetPageAsync(ada, "/admin/support-desk");
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1ub3QtbGVhaw", html, StringComparison.Ordinal);
        Assert.Contains("A value ending in …aw== is stored", page.QuerySelector("#desk-auth-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", page.QuerySelector("#Input_Authorization")!.GetAttribute("value"));
        Assert.Equal(desk.SigningSecret, page.QuerySelector("#desk-secret")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#desk-format-Zendesk[checked]"));

        // Saving again with the field empty keeps the value; a new secret replaces the old one.
        using (await SubmitFormAsync(ada, "/admin/support-desk", new Dictionary<string, string> { ["Input.Url"] = "https://acme.zendesk.com", ["Input.Format"] = "Zendesk" })) { }
        Assert.Equal(desk.Authorization, await DbAsync(db => db.SupportDesks.Select(d => d.Authorization).SingleAsync()));
        using (await SubmitFormAsync(ada, "/admin/support-desk", new Dictionary<string, string>(), "form[action*='handler=Secret']")) { }
        Assert.NotEqual(desk.SigningSecret, await DbAsync(db => db.SupportDesks.Select(d => d.SigningSecret).SingleAsync()));
    }

    [Theory]
    [InlineData("ftp://desk.example/cases", "The desk's address must be an http:// or https:// address")]
    [InlineData("javascript:alert(1)", "The desk's address must be an http:// or https:// address")]
    [InlineData("not an address", "The desk's address must be an http:// or https:// address")]
    [InlineData("", "Enter the desk's address.")]
    [InlineData("http://127.0.0.1:5080/support", "The desk's address points at this community itself")]
    public async Task A_bad_desk_address_is_refused_on_the_form_and_nothing_is_written(string url, string message)
    {
        var ada = await NewMemberAsync("Ada", Roles.Admin);

        using var refused = await SubmitFormAsync(ada, "/admin/support-desk", new Dictionary<string, string> { ["Input.Url"] = url, ["Input.Format"] = "Generic" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await ParseAsync(refused);
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Input.Url']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(db => db.SupportDesks.CountAsync()));
    }

    [Fact]
    public async Task Only_admins_open_or_change_the_desk_connection()
    {
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        var token = TokenFields(await GetPageAsync(ada, "/admin/support-desk"));
        foreach (var role in new[] { Roles.Staff, Roles.Moderator, Roles.Executive })
        {
            var someone = await NewMemberAsync($"Person {role}", role);
            using var opened = await someone.GetAsync("/admin/support-desk");
            AssertForbidden(opened, role);
            var own = TokenFields(await GetPageAsync(someone, "/account"));
            using var forged = await PostAsync(someone, "/admin/support-desk", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = own.GetValueOrDefault("__RequestVerificationToken", token["__RequestVerificationToken"]),
                ["Input.Url"] = "https://evil.example/",
            });
            AssertForbidden(forged, role);
        }

        var member = await NewMemberAsync("Alice");
        using (var opened = await member.GetAsync("/admin/support-desk"))
        {
            AssertForbidden(opened, "member");
        }

        using (var visitor = await NewVisitor().GetAsync("/admin/support-desk"))
        {
            Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
            Assert.Contains("/account/sign-in", visitor.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(0, await DbAsync(db => db.SupportDesks.CountAsync()));
    }

    /// <summary>Someone signed in without the role: a 403, or the cookie scheme's redirect to the 403 page.</summary>
    private static void AssertForbidden(HttpResponseMessage response, string who) =>
        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("403", StringComparison.Ordinal)),
            $"{who} got {response.StatusCode} {response.Headers.Location}.");

    private static Dictionary<string, string> TokenFields(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("form").Select(f => FormValues(f)).FirstOrDefault(v => v.ContainsKey("__RequestVerificationToken")) ?? [];

    [Fact]
    public async Task The_desk_page_and_the_thread_page_in_every_escalation_state_are_valid_html()
    {
        await CreateSpaceAsync();
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        var sam = await NewMemberAsync("Sam", Roles.Staff);
        var pages = new Dictionary<string, string> { ["desk-empty"] = await HtmlAsync(ada, "/admin/support-desk") };
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"), title: "Export fails");
        pages["thread-no-desk"] = await HtmlAsync(sam, thread);
        using (var refused = await SubmitFormAsync(ada, "/admin/support-desk", new Dictionary<string, string> { ["Input.Url"] = "ftp://x", ["Input.Format"] = "Generic" }))
        {
            pages["desk-refused"] = await refused.Content.ReadAsStringAsync();
        }

        using (await SubmitFormAsync(ada, "/admin/support-desk", new Dictionary<string, string> { ["Input.Url"] = "http://127.0.0.1:9/cases", ["Input.Format"] = "Generic", ["Input.Authorization"] = "Bearer abcdefgh" })) { }
        pages["desk"] = await HtmlAsync(ada, "/admin/support-desk");
        pages["thread-ready"] = await HtmlAsync(sam, thread);
        var threadId = long.Parse(thread.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var samId = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Sam").Select(m => m.Id).SingleAsync());
        // The states written straight into the row (the sender's work is EscalationTests'): pending after a failure, open, solved, failed.
        foreach (var (state, status, caseId, error) in new[]
        {
            ("thread-pending", "Pending", (string?)null, (string?)"Could not reach the desk: Connection refused"),
            ("thread-open", "Open", "123", null),
            ("thread-solved", "Solved", "123", null),
            ("thread-failed", "Failed", null, "The desk answered 500 ."),
        })
        {
            await DbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM thread_escalations"));
            await DbAsync(db => db.Database.ExecuteSqlAsync(
                $"INSERT INTO thread_escalations (thread_id, escalated_by_id, escalated_at, status, payload, attempts, next_attempt_at, last_error, case_id, case_url) VALUES ({threadId}, {samId}, now(), {status}, '{{}}', 1, now() + interval '1 hour', {error}, {caseId}, {(caseId is null ? null : "https://desk.example/cases/123")})"));
            pages[state] = await HtmlAsync(sam, thread);
        }

        Assert.Contains("Escalated — <a", pages["thread-open"], StringComparison.Ordinal);
        Assert.Contains("Escalation failed: The desk answered 500", pages["thread-failed"], StringComparison.Ordinal);
        var findings = await HtmlConformanceTests.CheckAsync(pages);
        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));
    }

    private static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

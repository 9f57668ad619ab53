using System.Net;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>The staff, moderation and administration pages, in the states people meet them, are valid
/// HTML by the Nu HTML checker.</summary>
public sealed class StaffPagesConformanceTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<HttpClient> PersonAsync(string displayName, params string[] roles)
    {
        await NewMemberAsync(displayName);
        await Fixture.GrantAsync(displayName, roles, roles.Contains(Roles.Staff) ? "Product Manager" : null);
        var client = NewVisitor();
        using var response = await SubmitFormAsync(client, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = EmailOf(displayName), ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<string> HtmlAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        Assert.True(expected == response.StatusCode, $"{url} answered {response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> RefusedAsync(Task<HttpResponseMessage> submitting)
    {
        using var response = await submitting;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static long PostIdOf(HttpResponseMessage redirect) => long.Parse(redirect.Headers.Location!.OriginalString.Split("#post-")[1]);

    private static async Task<string> OrganisationsAsync(HttpClient admin, HttpClient staff)
    {
        using (await SubmitFormAsync(admin, "/staff/organisations", new Dictionary<string, string> { ["Input.Name"] = "Acme", ["Input.Domains"] = "acme.example" }, "form[action*='Create']")) { }
        return await HtmlAsync(staff, "/staff/organisations");
    }

    private static async Task<string> CalibratedAsync(HttpClient admin)
    {
        using (await SubmitFormAsync(admin, "/admin/tie-model", new Dictionary<string, string>())) { }
        return await HtmlAsync(admin, "/admin/tie-model");
    }

    [Fact]
    public async Task Every_staff_and_moderation_page_is_valid_html()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice, title: "Export question");
        using var reply = await ReplyAsync(await NewMemberAsync("Bruno"), thread, "Use *Export view*.");
        var replyId = PostIdOf(reply);
        var sam = await PersonAsync("Sam", Roles.Staff);
        var erin = await PersonAsync("Erin", Roles.Executive);
        using (await ReplyAsync(erin, thread, "Thanks for asking; we're on it.")) { }
        var morgan = await PersonAsync("Morgan", Roles.Moderator);
        var ada = await PersonAsync("Ada", Roles.Admin);
        using (await SubmitFormAsync(sam, thread, new Dictionary<string, string> { ["Input.Body"] = "Staff only.", ["Input.IsStaffNote"] = "true" }, "#reply-form form")) { }
        using (await SubmitFormAsync(sam, thread, new Dictionary<string, string>(), $"#post-{replyId} form")) { } // mark official
        using (await SubmitFormAsync(alice, $"/posts/{replyId}/flag", new Dictionary<string, string> { ["Input.Reason"] = "Spam" })) { }
        using (await SubmitFormAsync(alice, $"/posts/{replyId - 1}/edit", new Dictionary<string, string> { ["Input.Body"] = "Edited opening post" })) { }
        var flagQueue = await HtmlAsync(morgan, "/moderation");
        using (await SubmitFormAsync(morgan, $"/posts/{replyId}/hide", new Dictionary<string, string> { ["Input.Reason"] = "Advertising" })) { }
        using (await SubmitFormAsync(morgan, thread, new Dictionary<string, string> { ["Input.Change"] = "Lock" }, ".moderation-bar form")) { }
        var brunoId = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Bruno").Select(m => m.Id).SingleAsync());
        using (await SubmitFormAsync(ada, "/admin/values", new Dictionary<string, string> { ["Input.Body"] = "# Be kind\n\nAssume good intent." })) { }
        var spaceId = await DbAsync(db => db.Spaces.Where(s => s.Slug == "ideas").Select(s => s.Id).SingleAsync());

        var pages = new Dictionary<string, string>
        {
            ["thread-moderator"] = await HtmlAsync(morgan, thread),
            ["thread-staff"] = await HtmlAsync(sam, thread),
            ["thread-member-locked"] = await HtmlAsync(alice, thread),
            ["thread-author-of-hidden"] = await HtmlAsync(await SignInAsync("Bruno"), thread),
            ["thread-visitor"] = await HtmlAsync(NewVisitor(), thread),
            ["edit"] = await HtmlAsync(morgan, $"/posts/{replyId}/edit"),
            ["edit-refused"] = await RefusedAsync(SubmitFormAsync(morgan, $"/posts/{replyId}/edit", new Dictionary<string, string> { ["Input.Body"] = " " })),
            ["history"] = await HtmlAsync(alice, $"/posts/{replyId - 1}/history"),
            ["flag"] = await HtmlAsync(morgan, $"/posts/{replyId - 1}/flag"),
            ["flag-refused"] = await RefusedAsync(SubmitFormAsync(morgan, $"/posts/{replyId - 1}/flag", new Dictionary<string, string> { ["Input.Reason"] = "" })),
            ["hide"] = await HtmlAsync(morgan, $"/posts/{replyId}/hide"),
            ["flag-queue"] = flagQueue,
            ["flag-queue-empty"] = await HtmlAsync(morgan, "/moderation"),
            ["audit-log"] = await HtmlAsync(morgan, "/moderation/log"),
            ["audit-log-filtered"] = await HtmlAsync(morgan, "/moderation/log?action=HidePost"),
            ["members"] = await HtmlAsync(morgan, "/moderation/members?q=b"),
            ["member-moderator"] = await HtmlAsync(morgan, $"/moderation/members/{brunoId}"),
            ["member-admin"] = await HtmlAsync(ada, $"/moderation/members/{brunoId}"),
            ["member-refused"] = await RefusedAsync(SubmitFormAsync(morgan, $"/moderation/members/{brunoId}", new Dictionary<string, string> { ["Sanction.Sanction"] = "Suspend" }, "form[action$='handler=sanction']")),
            ["admin-spaces"] = await HtmlAsync(ada, "/admin/spaces"),
            ["admin-space-new"] = await HtmlAsync(ada, "/admin/spaces/new"),
            ["admin-space-edit"] = await HtmlAsync(ada, $"/admin/spaces/{spaceId}/edit"),
            ["admin-space-refused"] = await RefusedAsync(SubmitFormAsync(ada, "/admin/spaces/new", new Dictionary<string, string> { ["Input.Slug"] = "Not a slug" })),
            ["admin-values"] = await HtmlAsync(ada, "/admin/values"),
            ["admin-support-desk-empty"] = await HtmlAsync(ada, "/admin/support-desk"),
            ["admin-invites-empty"] = await HtmlAsync(ada, "/admin/invites"),
            ["admin-invites-refused"] = await RefusedAsync(SubmitFormAsync(ada, "/admin/invites", new Dictionary<string, string> { ["Input.MaxUses"] = "0" })),
            ["admin-invites"] = await InvitesAsync(ada),
            ["admin-space-access"] = await HtmlAsync(ada, $"/admin/spaces/{spaceId}/access"),
            ["values"] = await HtmlAsync(NewVisitor(), "/values"),
            ["own-standing"] = await HtmlAsync(await SignInAsync("Bruno"), "/account/standing"),
            ["home-moderator"] = await HtmlAsync(morgan, "/"),
            ["thread-action-refused"] = await RefusedAsync(PostAsync(morgan, $"/moderation/threads/{thread.Split('/')[^1]}?handler=change", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = FormValues(GetFormOf(await HtmlAsync(morgan, thread)))["__RequestVerificationToken"],
                ["Input.Change"] = "Lock",
                ["ReturnUrl"] = thread,
            })),
            ["home-with-executives"] = await HtmlAsync(NewVisitor(), "/"),
            ["space-with-the-company"] = await HtmlAsync(NewVisitor(), "/s/questions?with=company"),
            ["space-with-the-company-none"] = await HtmlAsync(NewVisitor(), "/s/ideas?with=company"),
            ["triage"] = await HtmlAsync(sam, "/staff/triage"),
            ["organisations-empty"] = await HtmlAsync(ada, "/staff/organisations"),
            ["organisations-refused"] = await RefusedAsync(SubmitFormAsync(ada, "/staff/organisations", new Dictionary<string, string> { ["Input.Name"] = "Acme", ["Input.Domains"] = "not a domain" }, "form[action*='Create']")),
            ["organisations"] = await OrganisationsAsync(ada, sam),
            ["tie-model"] = await HtmlAsync(ada, "/admin/tie-model"),
            ["tie-model-calibrated"] = await CalibratedAsync(ada),
            ["dashboard-staff"] = await HtmlAsync(sam, "/staff/dashboard"),
            ["admin-webhooks-empty"] = await HtmlAsync(ada, "/admin/webhooks"),
            ["admin-webhooks-refused"] = await RefusedAsync(SubmitFormAsync(ada, "/admin/webhooks", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Url"] = "ftp://x" })),
        };
        foreach (var (name, html) in await WebhookPagesAsync(ada))
        {
            pages[name] = html;
        }

        // The states the pages were meant to be in.
        Assert.Contains("Hidden by a moderator. Reason: Advertising", pages["thread-author-of-hidden"], StringComparison.Ordinal);
        Assert.Contains("This reply was hidden by a moderator.", pages["thread-member-locked"], StringComparison.Ordinal);
        Assert.Contains("Staff only.", pages["thread-staff"], StringComparison.Ordinal);
        Assert.Contains("Moderate this thread", pages["thread-moderator"], StringComparison.Ordinal);
        Assert.Contains("Spam", pages["flag-queue"], StringComparison.Ordinal);
        Assert.Contains("Edited", pages["thread-visitor"], StringComparison.Ordinal);
        Assert.Contains("Executives here", pages["home-with-executives"], StringComparison.Ordinal);
        Assert.Contains("locked already", pages["thread-action-refused"], StringComparison.Ordinal);

        var findings = await HtmlConformanceTests.CheckAsync(pages);

        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));
    }

    /// <summary>The webhook pages with an endpoint failing, its delivery log holding a delivery and a ping, and its edit form.</summary>
    private async Task<IEnumerable<KeyValuePair<string, string>>> WebhookPagesAsync(HttpClient ada)
    {
        using var added = await SubmitFormAsync(ada, "/admin/webhooks", new Dictionary<string, string>
        {
            ["Input.Name"] = "Team chat", ["Input.Url"] = "https://hooks.example.com/services/T0/B0/x", ["Input.Events"] = "ThreadStarted", ["Input.Enabled"] = "true",
        });
        var endpoint = added.Headers.Location!.OriginalString;
        using (await SubmitFormAsync(ada, endpoint, new Dictionary<string, string>(), "form[action$='handler=ping']")) { }
        await DbAsync(db => db.WebhookDeliveries.ExecuteUpdateAsync(d => d.SetProperty(x => x.Attempts, 2).SetProperty(x => x.LastStatusCode, 500)
            .SetProperty(x => x.LastResponseMilliseconds, 84).SetProperty(x => x.LastError, "The receiver answered 500 Internal Server Error.")));
        await DbAsync(db => db.WebhookEndpoints.ExecuteUpdateAsync(e => e.SetProperty(x => x.FailingSince, DateTimeOffset.UtcNow.AddHours(-3))));
        return new Dictionary<string, string>
        {
            ["admin-webhooks"] = await HtmlAsync(ada, "/admin/webhooks"),
            ["admin-webhook-log"] = await HtmlAsync(ada, endpoint),
            ["admin-webhook-edit"] = await HtmlAsync(ada, endpoint + "/edit"),
            ["admin-webhook-edit-refused"] = await RefusedAsync(SubmitFormAsync(ada, endpoint + "/edit", new Dictionary<string, string> { ["Input.Url"] = "http://127.0.0.1:5080/" })),
        };
    }

    private async Task<HttpClient> SignInAsync(string displayName)
    {
        var client = NewVisitor();
        using var response = await SubmitFormAsync(client, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = EmailOf(displayName), ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static AngleSharp.Html.Dom.IHtmlFormElement GetFormOf(string html) =>
        (AngleSharp.Html.Dom.IHtmlFormElement)new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector(".moderation-bar form")!;

    /// <summary>The invites page with a usable, a used-up and a withdrawn link.</summary>
    private async Task<string> InvitesAsync(HttpClient ada)
    {
        foreach (var uses in new[] { "", "1", "" })
        {
            using var made = await SubmitFormAsync(ada, "/admin/invites", new Dictionary<string, string> { ["Input.Note"] = "Partners", ["Input.MaxUses"] = uses, ["Input.ExpiresInDays"] = "7" });
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        }

        await DbAsync(async db =>
        {
            var invites = await db.Invites.OrderBy(i => i.CreatedAt).ToListAsync();
            invites[1].Redeem(DateTimeOffset.UtcNow);
            invites[2].Revoke(invites[2].CreatedById, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        return await HtmlAsync(ada, "/admin/invites");
    }
}

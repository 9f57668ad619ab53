using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using CommunityHub.Application.Escalation;
using CommunityHub.Domain.Escalation;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Escalation;

/// <summary>Escalation to a support desk over HTTP, against a real desk server on 127.0.0.1: staff send a thread, the
/// desk's case shows on the thread for staff only, the asker is told, the desk's signed callback solves the case; and
/// every way it must not work.</summary>
public sealed class EscalationTests(WebFixture fixture) : WebTest(fixture), IAsyncLifetime
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private DeskServer _desk = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _desk = await DeskServer.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await _desk.DisposeAsync();
        await base.DisposeAsync();
    }

    private sealed record Setup(HttpClient Alice, HttpClient Sam, HttpClient Ada, string Thread, long ThreadId);

    /// <summary>Alice (a member of Acme) asks; Bruno answers; Sam (staff) writes a staff note; a moderator hides a
    /// spam reply; Ada (admin) connects the desk at <paramref name="desk"/>.</summary>
    private async Task<Setup> ThreadAndDeskAsync(Uri? desk = null, DeskFormat format = DeskFormat.Generic, string? authorization = null)
    {
        await CreateSpaceAsync();
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        using (var org = await SubmitFormAsync(ada, "/staff/organisations", new Dictionary<string, string> { ["Input.Name"] = "Acme", ["Input.Domains"] = "example.com" }, "form[action*='Create']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, org.StatusCode);
        }

        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice, title: "Export fails with error 42", body: "Every export stops at 42%.");
        using (await ReplyAsync(await NewMemberAsync("Bruno"), thread, "Same here since Tuesday.")) { }
        var sam = await NewMemberAsync("Sam", Roles.Staff);
        using (await SubmitFormAsync(sam, thread, new Dictionary<string, string> { ["Input.Body"] = "Looks like the queue bug.", ["Input.IsStaffNote"] = "true" }, "#reply-form form")) { }
        using var spam = await ReplyAsync(await NewMemberAsync("Spammer"), thread, "Buy cheap watches.");
        var spamId = long.Parse(spam.Headers.Location!.OriginalString.Split("#post-")[1], CultureInfo.InvariantCulture);
        using (await SubmitFormAsync(ada, $"/posts/{spamId}/hide", new Dictionary<string, string> { ["Input.Reason"] = "Advertising" })) { }
        using var connected = await SubmitFormAsync(ada, "/admin/support-desk", new Dictionary<string, string>
        {
            ["Input.Url"] = (desk ?? _desk.Address).ToString(),
            ["Input.Format"] = format.ToString(),
            ["Input.Authorization"] = authorization ?? string.Empty,
        });
        Assert.Equal(HttpStatusCode.Redirect, connected.StatusCode);
        return new Setup(alice, sam, ada, thread, long.Parse(thread.Split('/')[^1], CultureInfo.InvariantCulture));
    }

    private static Task<HttpResponseMessage> EscalateAsync(HttpClient staff, string thread) =>
        SubmitFormAsync(staff, thread, new Dictionary<string, string>(), "form.escalation__form");

    private async Task<ThreadEscalation> WaitForAsync(long threadId, Func<ThreadEscalation, bool> done)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var escalation = await DbAsync(db => db.Escalations.AsNoTracking().OrderByDescending(e => e.Id).FirstOrDefaultAsync(e => e.ThreadId == threadId));
            if (escalation is not null && done(escalation))
            {
                return escalation;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"The escalation is still {escalation?.Status} ({escalation?.LastError}).");
            await Task.Delay(100);
        }
    }

    private async Task<string> SecretAsync() => await DbAsync(db => db.SupportDesks.Select(d => d.SigningSecret).SingleAsync());

    [Fact]
    public async Task Staff_escalate_a_thread_and_the_desk_gets_it_signed_and_staff_see_the_case_and_the_asker_is_told()
    {
        var setup = await ThreadAndDeskAsync(authorization: "Bearer desk-token-1234");

        using var escalated = await EscalateAsync(setup.Sam, setup.Thread);

        Assert.Equal(HttpStatusCode.Redirect, escalated.StatusCode);
        var opened = await WaitForAsync(setup.ThreadId, e => e.Status == EscalationStatus.Open);
        var got = Assert.Single(_desk.Requests);
        Assert.Equal("Bearer desk-token-1234", got.Headers["Authorization"]);
        Assert.Null(DeskSignature.Check(await SecretAsync(), got.Headers[DeskSignature.TimestampHeader], got.Headers[DeskSignature.SignatureHeader], got.Body, DateTimeOffset.UtcNow));
        var sent = JsonSerializer.Deserialize<EscalationCase>(got.Body, Web)!;
        Assert.Equal($"http://127.0.0.1:5080{setup.Thread}", sent.ThreadUrl);
        Assert.Equal("Export fails with error 42", sent.Title);
        Assert.Equal(new CaseAsker("Alice", "alice@example.com"), sent.Asker);
        Assert.Equal("Acme", sent.Organisation);
        Assert.Equal("Sam", sent.EscalatedBy);
        Assert.Equal(
            ["Alice: Every export stops at 42%.", "Bruno: Same here since Tuesday.", "Sam (staff note): Looks like the queue bug."],
            sent.Conversation.Select(p => $"{p.Author}{(p.StaffNote ? " (staff note)" : string.Empty)}: {p.Body}"));
        Assert.Equal("123", opened.CaseId);

        var staffPage = await GetPageAsync(setup.Sam, setup.Thread);
        var status = staffPage.QuerySelector(".escalation__status")!;
        Assert.Equal("Escalated — case #123", status.TextContent.Trim());
        Assert.Equal($"{_desk.Address}cases/123", status.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(staffPage.QuerySelector("form.escalation__form"));

        var told = await DbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.TakenUpBySupport).Select(n => new { n.RecipientId, n.ThreadId }).ToListAsync());
        var aliceId = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Alice").Select(m => m.Id).SingleAsync());
        Assert.Equal(setup.ThreadId, Assert.Single(told, n => n.RecipientId == aliceId).ThreadId);
        var notifications = await GetPageAsync(setup.Alice, "/notifications");
        Assert.Contains("Sam took your question to the company's support team: Export fails with error 42", Squash(notifications.QuerySelector("main")!.TextContent), StringComparison.Ordinal);
        var alicesPage = await GetPageAsync(setup.Alice, setup.Thread);
        Assert.Null(alicesPage.QuerySelector(".escalation"));
        Assert.DoesNotContain("case #", alicesPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("123", notifications.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task The_zendesk_format_sends_a_ticket_and_links_the_agent_view()
    {
        var setup = await ThreadAndDeskAsync(format: DeskFormat.Zendesk, authorization: "Basic c2FtQGV4YW1wbGUuY29tL3Rva2VuOmFiYw==");

        using (await EscalateAsync(setup.Sam, setup.Thread)) { }

        var opened = await WaitForAsync(setup.ThreadId, e => e.Status == EscalationStatus.Open);
        var got = Assert.Single(_desk.Requests);
        Assert.Equal("/api/v2/tickets.json", got.Path);
        using var json = JsonDocument.Parse(got.Body);
        var ticket = json.RootElement.GetProperty("ticket");
        Assert.Equal("Export fails with error 42", ticket.GetProperty("subject").GetString());
        Assert.Equal("Alice", ticket.GetProperty("requester").GetProperty("name").GetString());
        Assert.Equal("alice@example.com", ticket.GetProperty("requester").GetProperty("email").GetString());
        Assert.Equal($"communityhub-thread-{setup.ThreadId}", ticket.GetProperty("external_id").GetString());
        Assert.Equal(["community", "escalated"], ticket.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var html = ticket.GetProperty("comment").GetProperty("html_body").GetString()!;
        Assert.Contains("Sam (staff note, internal)", html, StringComparison.Ordinal);
        Assert.Contains("Every export stops at 42%.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cheap watches", html, StringComparison.Ordinal);
        Assert.Equal(("123", $"{_desk.Address}agent/tickets/123"), (opened.CaseId, opened.CaseUrl));
    }

    [Fact]
    public async Task The_salesforce_format_sends_a_case_and_links_the_lightning_view()
    {
        var setup = await ThreadAndDeskAsync(format: DeskFormat.Salesforce, authorization: "Bearer 00D-session");

        using (await EscalateAsync(setup.Sam, setup.Thread)) { }

        var opened = await WaitForAsync(setup.ThreadId, e => e.Status == EscalationStatus.Open);
        var got = Assert.Single(_desk.Requests);
        Assert.Equal("/services/data/v60.0/sobjects/Case", got.Path);
        using var json = JsonDocument.Parse(got.Body);
        Assert.Equal("Export fails with error 42", json.RootElement.GetProperty("Subject").GetString());
        Assert.Equal("Alice", json.RootElement.GetProperty("SuppliedName").GetString());
        Assert.Equal("alice@example.com", json.RootElement.GetProperty("SuppliedEmail").GetString());
        Assert.Equal("Community", json.RootElement.GetProperty("Origin").GetString());
        Assert.Contains("Organisation: Acme", json.RootElement.GetProperty("Description").GetString(), StringComparison.Ordinal);
        Assert.Equal(("500Qy00000123", $"{_desk.Address}lightning/r/Case/500Qy00000123/view"), (opened.CaseId, opened.CaseUrl));
        Assert.Contains("Escalated — case #500Qy00000123", (await GetPageAsync(setup.Sam, setup.Thread)).QuerySelector(".escalation")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_and_moderators_who_are_not_staff_cannot_escalate_even_with_a_forged_form()
    {
        var setup = await ThreadAndDeskAsync();
        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);
        var token = FormValues((await GetPageAsync(setup.Sam, setup.Thread)).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form.escalation__form")!);

        foreach (var (who, client) in new[] { ("member", setup.Alice), ("moderator", morgan) })
        {
            var page = await GetPageAsync(client, setup.Thread);
            Assert.Null(page.QuerySelector(".escalation"));
            // The forged POST carries the person's own antiforgery token (from the reply form), so only the rule can refuse it.
            var own = FormValues(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("#reply-form form")!);
            using var forged = await PostAsync(client, $"{setup.Thread}?handler=Escalate", new Dictionary<string, string> { ["__RequestVerificationToken"] = own["__RequestVerificationToken"] });
            Assert.True(forged.StatusCode == HttpStatusCode.Forbidden, $"The {who} got {forged.StatusCode}.");
        }

        // Staff's own form without its antiforgery token: refused before any use case.
        using var withoutToken = await PostAsync(setup.Sam, $"{setup.Thread}?handler=Escalate", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        // Another person's token does not work for staff either.
        using var someoneElses = await PostAsync(NewVisitor(), $"{setup.Thread}?handler=Escalate", token);
        Assert.Equal(HttpStatusCode.BadRequest, someoneElses.StatusCode);
        Assert.Equal(0, await DbAsync(db => db.Escalations.CountAsync()));
        Assert.Empty(_desk.Requests);
    }

    [Fact]
    public async Task A_thread_in_a_private_space_is_escalated_by_staff_and_its_members_see_no_case()
    {
        await CreateSpaceAsync();
        var beta = await CreateSpaceAsync("beta", "Beta", 2);
        var bea = await NewMemberAsync("Bea");
        var olly = await NewMemberAsync("Olly");
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        var handle = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Bea").Select(m => m.Handle).SingleAsync());
        using var group = await SubmitFormAsync(ada, "/admin/groups", new Dictionary<string, string> { ["Input.Name"] = "Beta programme", ["Input.Description"] = "Early customers." });
        var groupUrl = group.Headers.Location!.OriginalString;
        using (await SubmitFormAsync(ada, groupUrl, new Dictionary<string, string> { ["Input.Handle"] = "@" + handle }, "main form.form")) { }
        using (await SubmitFormAsync(ada, $"/admin/spaces/{beta.Id}/access", new Dictionary<string, string> { ["GroupIds"] = groupUrl.Split('/')[^1] })) { }
        using (await SubmitFormAsync(ada, "/admin/support-desk", new Dictionary<string, string> { ["Input.Url"] = _desk.Address.ToString(), ["Input.Format"] = "Generic" })) { }
        var thread = await StartThreadAsync(bea, "beta", "Quokka beta crashes", "It crashes on start.");
        var threadId = long.Parse(thread.Split('/')[^1], CultureInfo.InvariantCulture);
        var sam = await NewMemberAsync("Sam", Roles.Staff);

        using (var escalated = await EscalateAsync(sam, thread))
        {
            Assert.Equal(HttpStatusCode.Redirect, escalated.StatusCode);
        }

        await WaitForAsync(threadId, e => e.Status == EscalationStatus.Open);
        Assert.Contains("Quokka beta crashes", Assert.Single(_desk.Requests).Body, StringComparison.Ordinal);
        Assert.Contains("case #123", (await GetPageAsync(sam, thread)).QuerySelector(".escalation")!.TextContent, StringComparison.Ordinal);
        var beasPage = await GetPageAsync(bea, thread);
        Assert.Null(beasPage.QuerySelector(".escalation"));
        Assert.DoesNotContain("case #", beasPage.Body!.TextContent, StringComparison.Ordinal);
        await GetPageAsync(olly, thread, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_thread_is_not_escalated_twice_while_its_case_is_open_and_may_be_once_it_is_solved()
    {
        var setup = await ThreadAndDeskAsync();
        var page = await GetPageAsync(setup.Sam, setup.Thread);
        using (await EscalateAsync(setup.Sam, setup.Thread)) { }
        await WaitForAsync(setup.ThreadId, e => e.Status == EscalationStatus.Open);

        // A second press from a page opened before the first (its form still there).
        var form = FormValues(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form.escalation__form")!);
        using var again = await PostAsync(setup.Sam, $"{setup.Thread}?handler=Escalate", form);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("This thread is escalated already (case #123); it can be escalated again once the case is solved.", (await ParseAsync(again)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await DbAsync(db => db.Escalations.CountAsync()));
        Assert.Single(_desk.Requests);

        using (var solved = await CallbackAsync("""{"caseId":"123","status":"solved"}""", await SecretAsync()))
        {
            Assert.Equal(HttpStatusCode.OK, solved.StatusCode);
        }

        var afterSolved = await GetPageAsync(setup.Sam, setup.Thread);
        Assert.Equal("Escalated — case #123 solved", Squash(afterSolved.QuerySelector(".escalation__status")!.TextContent));
        using (await EscalateAsync(setup.Sam, setup.Thread)) { }
        await WaitForAsync(setup.ThreadId, e => e.Status == EscalationStatus.Open && e.CaseId == "124");
        Assert.Equal(2, await DbAsync(db => db.Escalations.CountAsync()));
    }

    [Fact]
    public async Task A_desk_that_is_down_is_retried_then_the_escalation_fails_and_staff_retry_it()
    {
        var setup = await ThreadAndDeskAsync(DeskServer.Nowhere());

        using (await EscalateAsync(setup.Sam, setup.Thread)) { }

        var failed = await WaitForAsync(setup.ThreadId, e => e.Status == EscalationStatus.Failed);
        Assert.Equal(3, failed.Attempts);
        Assert.StartsWith("Could not reach the desk", failed.LastError, StringComparison.Ordinal);
        var page = await GetPageAsync(setup.Sam, setup.Thread);
        Assert.StartsWith("Escalation failed: Could not reach the desk", page.QuerySelector(".escalation__status")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Retry escalation", page.QuerySelector("form.escalation__form button")!.TextContent.Trim());
        Assert.Equal(0, await DbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.TakenUpBySupport)));

        // The desk is back (an admin points the connection at it); staff retry.
        using (await SubmitFormAsync(setup.Ada, "/admin/support-desk", new Dictionary<string, string> { ["Input.Url"] = _desk.Address.ToString(), ["Input.Format"] = "Generic" })) { }
        using (var retried = await EscalateAsync(setup.Sam, setup.Thread))
        {
            Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        }

        var opened = await WaitForAsync(setup.ThreadId, e => e.Status == EscalationStatus.Open);
        Assert.Equal(("123", failed.Id), (opened.CaseId, opened.Id));
        Assert.Equal(1, await DbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.TakenUpBySupport)));
    }

    [Fact]
    public async Task A_failing_desk_says_why_in_the_escalations_status()
    {
        var setup = await ThreadAndDeskAsync();
        _desk.FailWith = HttpStatusCode.Unauthorized;

        using (await EscalateAsync(setup.Sam, setup.Thread)) { }

        var failed = await WaitForAsync(setup.ThreadId, e => e.Status == EscalationStatus.Failed);
        Assert.Equal("The desk answered 401 (check the authorization value).", failed.LastError);
        Assert.Equal(3, _desk.Requests.Count);
    }

    [Fact]
    public async Task A_slow_desk_never_holds_up_the_staff_members_request()
    {
        var setup = await ThreadAndDeskAsync();
        _desk.Delay = TimeSpan.FromSeconds(30);

        var watch = Stopwatch.StartNew();
        using (var escalated = await EscalateAsync(setup.Sam, setup.Thread))
        {
            Assert.Equal(HttpStatusCode.Redirect, escalated.StatusCode);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"Escalating took {watch.Elapsed}.");
        Assert.StartsWith("Escalation pending", (await GetPageAsync(setup.Sam, setup.Thread)).QuerySelector(".escalation__status")!.TextContent.Trim(), StringComparison.Ordinal);
        // Each attempt gives up after the timeout (2 s in the tests), recorded for staff to read.
        var waiting = await WaitForAsync(setup.ThreadId, e => e.Attempts >= 1);
        Assert.Equal("The desk did not answer within 2 seconds.", waiting.LastError);
    }

    [Fact]
    public async Task Escalating_without_a_desk_says_so()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var sam = await NewMemberAsync("Sam", Roles.Staff);

        var page = await GetPageAsync(sam, thread);

        Assert.Equal("No support desk is connected, so this thread cannot be escalated yet.", page.QuerySelector(".escalation__status")!.TextContent.Trim());
        var token = FormValues(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("#reply-form form")!);
        using var forced = await PostAsync(sam, $"{thread}?handler=Escalate", new Dictionary<string, string> { ["__RequestVerificationToken"] = token["__RequestVerificationToken"] });
        Assert.Contains("No support desk is connected yet", (await ParseAsync(forced)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(db => db.Escalations.CountAsync()));
    }

    private async Task<HttpResponseMessage> CallbackAsync(string body, string secret, long? timestamp = null, string? signature = null)
    {
        var at = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/support-desk/callback") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(DeskSignature.TimestampHeader, at.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(DeskSignature.SignatureHeader, signature ?? DeskSignature.Sign(secret, at, body));
        return await NewVisitor().SendAsync(request);
    }

    [Fact]
    public async Task A_callback_with_a_forged_or_stale_signature_is_refused_and_changes_nothing()
    {
        var setup = await ThreadAndDeskAsync();
        using (await EscalateAsync(setup.Sam, setup.Thread)) { }
        await WaitForAsync(setup.ThreadId, e => e.Status == EscalationStatus.Open);
        var secret = await SecretAsync();
        const string Solved = """{"caseId":"123","status":"solved"}""";

        var refusals = new[]
        {
            await CallbackAsync(Solved, "not-the-secret-but-long-enough-to-look-like-one"),
            await CallbackAsync(Solved, secret, DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds()),
            await CallbackAsync(Solved, secret, signature: "sha256=" + new string('0', 64)),
            await CallbackAsync("""{"caseId":"123","status":"solved" }""", secret, signature: DeskSignature.Sign(secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Solved)),
        };
        using (var unsigned = await NewVisitor().PostAsync("/support-desk/callback", new StringContent(Solved, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        }

        foreach (var refused in refusals)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
            refused.Dispose();
        }

        Assert.Equal(EscalationStatus.Open, (await WaitForAsync(setup.ThreadId, _ => true)).Status);
        Assert.Equal("Escalated — case #123", Squash((await GetPageAsync(setup.Sam, setup.Thread)).QuerySelector(".escalation__status")!.TextContent));

        // Well signed but not understood: a 400 or 404 Problem Details, still nothing changed.
        using (var malformed = await CallbackAsync("{not json", secret))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        }

        using (var wrongStatus = await CallbackAsync("""{"caseId":"123","status":"exploded"}""", secret))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrongStatus.StatusCode);
        }

        using (var unknown = await CallbackAsync("""{"caseId":"999","status":"solved"}""", secret))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var huge = await CallbackAsync(new string(' ', SupportDeskWebLimit + 1), secret))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        }

        Assert.Equal(EscalationStatus.Open, (await WaitForAsync(setup.ThreadId, _ => true)).Status);
        using var signed = await CallbackAsync(Solved, secret);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(EscalationStatus.Solved, (await WaitForAsync(setup.ThreadId, _ => true)).Status);
    }

    private const int SupportDeskWebLimit = CommunityHub.Web.Escalation.SupportDeskWeb.MaxCallbackBytes;
}

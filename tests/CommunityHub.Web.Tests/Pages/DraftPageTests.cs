using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>Drafts over HTTP: the composer's endpoint saves and restores with a form token, the drafts page lists and
/// discards a member's own, and nobody reaches another's.</summary>
public sealed class DraftPageTests(WebFixture fixture) : WebTest(fixture)
{
    private static async Task<string> TokenAsync(HttpClient member, string page) =>
        (await GetPageAsync(member, page)).QuerySelector("form.composer input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Fact]
    public async Task A_reply_draft_is_saved_restored_listed_and_discarded_by_its_owner_only()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var threadId = thread.Split('/').Last();
        var bruno = await NewMemberAsync("Bruno");
        var form = (await GetPageAsync(bruno, thread)).QuerySelector("#reply-form form")!;
        Assert.Equal($"/drafts/current?thread={threadId}", form.GetAttribute("data-draft"));

        using (var saved = await PostAsync(bruno, $"/drafts/current?thread={threadId}", new Dictionary<string, string> { ["body"] = "Half a reply", ["__RequestVerificationToken"] = await TokenAsync(bruno, thread) }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        using (var restored = await bruno.GetAsync($"/drafts/current?thread={threadId}"))
        {
            Assert.Contains("\"body\":\"Half a reply\"", await restored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await alice.GetAsync($"/drafts/current?thread={threadId}")).StatusCode);
        var list = await GetPageAsync(bruno, "/drafts");
        Assert.Contains("Half a reply", list.QuerySelector(".draft-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{thread}#reply-form", list.QuerySelector(".draft__title a")!.GetAttribute("href"));
        Assert.Null((await GetPageAsync(alice, "/drafts")).QuerySelector(".draft-list"));

        // Alice forges a discard of Bruno's draft with her own token: a 404, and the draft stays.
        var id = await DbAsync(db => db.Drafts.Select(d => d.Id).SingleAsync());
        using (var forged = await SubmitFormAsync(alice, "/drafts", new Dictionary<string, string>(), "header form, main form", formAction: "/drafts?handler=discard", extra: new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        Assert.Equal(1, await DbAsync(db => db.Drafts.CountAsync()));
        using (var discarded = await SubmitFormAsync(bruno, "/drafts", new Dictionary<string, string>(), ".draft form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        }

        Assert.Equal(0, await DbAsync(db => db.Drafts.CountAsync()));
    }

    [Fact]
    public async Task Saving_a_draft_needs_a_member_and_a_form_token()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var token = await TokenAsync(alice, "/s/questions/new");

        using var forged = await PostAsync(alice, "/drafts/current?space=questions", new Dictionary<string, string> { ["title"] = "No token" });
        using var anonymous = await PostAsync(NewVisitor(), "/drafts/current?space=questions", new Dictionary<string, string> { ["title"] = "Anonymous", ["__RequestVerificationToken"] = token });
        using var elsewhere = await PostAsync(alice, "/drafts/current?space=nowhere", new Dictionary<string, string> { ["title"] = "Nowhere", ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(0, await DbAsync(db => db.Drafts.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await NewVisitor().GetAsync("/drafts")).StatusCode);
    }

    [Fact]
    public async Task The_drafts_page_is_valid_html_empty_and_with_drafts()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var empty = await (await alice.GetAsync("/drafts")).Content.ReadAsStringAsync();
        using (await PostAsync(alice, "/drafts/current?space=questions", new Dictionary<string, string> { ["title"] = "Export <b>to</b> Excel", ["body"] = "Draft", ["__RequestVerificationToken"] = await TokenAsync(alice, "/s/questions/new") }))
        {
        }

        var full = await (await alice.GetAsync("/drafts")).Content.ReadAsStringAsync();
        Assert.Contains("Export &lt;b&gt;to&lt;/b&gt; Excel", full, StringComparison.Ordinal);

        var findings = await HtmlConformanceTests.CheckAsync(new Dictionary<string, string> { ["drafts-empty"] = empty, ["drafts"] = full });

        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));
    }
}

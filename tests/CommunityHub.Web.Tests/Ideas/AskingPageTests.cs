using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Ideas;

/// <summary>Similar threads while asking, over HTTP: the fragment the form's script fetches, the step without script,
/// the recorded opening of a suggestion, and related threads under a thread.</summary>
public sealed class AskingPageTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task The_new_thread_form_suggests_similar_threads_and_records_the_one_opened()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var existing = await StartThreadAsync(alice, title: "How do I export a report as CSV?", body: "With filters, please.");
        var bruno = await NewMemberAsync("Bruno");
        var form = await GetPageAsync(bruno, "/s/questions/new");
        var formId = form.QuerySelector("input[name='Input.SubmissionId']")!.GetAttribute("value")!;
        Assert.Equal("/s/questions/new/similar", form.QuerySelector("#Input_Title")!.GetAttribute("data-similar-url"));

        var fragment = await GetPageAsync(bruno, $"/s/questions/new/similar?title=exporting%20reports%20to%20csv&form={formId}");
        var link = fragment.QuerySelector(".similar-threads a")!;
        Assert.Equal("How do I export a report as CSV?", link.TextContent);
        Assert.Null(fragment.QuerySelector("header"));
        using var opened = await bruno.GetAsync(link.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(existing, opened.Headers.Location!.OriginalString);
        var recorded = await DbAsync(db => db.AskingForms.SingleAsync());
        Assert.Equal((Guid.Parse(formId), long.Parse(existing.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)), (recorded.FormId, recorded.OpenedThreadId!.Value));
        using var signedOut = await NewVisitor().GetAsync($"/s/questions/new/similar?title=csv&form={formId}");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/account/sign-in", signedOut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_script_a_check_step_shows_similar_questions_and_keeps_what_was_typed()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        await StartThreadAsync(alice, title: "How do I export a report as CSV?", body: "With filters, please.");
        var bruno = await NewMemberAsync("Bruno");

        using var checkedForm = await SubmitFormAsync(bruno, "/s/questions/new", new Dictionary<string, string> { ["Input.Title"] = "CSV export of reports", ["Input.Body"] = "My words." },
            formAction: "/s/questions/new?handler=check");
        var page = await ParseAsync(checkedForm);

        Assert.Equal(HttpStatusCode.OK, checkedForm.StatusCode);
        Assert.Equal("How do I export a report as CSV?", page.QuerySelector("#similar-threads .similar-threads a")!.TextContent);
        Assert.Equal("CSV export of reports", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("My words.", page.QuerySelector("#Input_Body")!.TextContent.Trim());
        Assert.Equal(0, await DbAsync(db => db.Threads.CountAsync(t => t.Title == "CSV export of reports")));
    }

    [Fact]
    public async Task A_thread_page_shows_related_threads_but_not_itself()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var one = await StartThreadAsync(alice, title: "Export a report as CSV");
        await StartThreadAsync(alice, title: "CSV export keeps the filters?");
        await StartThreadAsync(alice, title: "Dark mode");

        var page = await GetPageAsync(NewVisitor(), one);
        var related = page.QuerySelectorAll(".related-threads a").Select(a => a.TextContent).ToList();

        Assert.Equal(["CSV export keeps the filters?"], related);
    }
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>Two admins with the same space's edit form open: the second save is told, nothing is overwritten.</summary>
public sealed class SpaceEditConflictTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task The_second_admin_to_save_a_space_sees_the_conflict_and_what_is_saved_now()
    {
        var space = await CreateSpaceAsync();
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        var grace = await NewMemberAsync("Grace", Roles.Admin);
        var editUrl = $"/admin/spaces/{space.Id}/edit";
        var gracesForm = (await GetPageAsync(grace, editUrl)).QuerySelector<IHtmlFormElement>("main form")!;

        using (var first = await SubmitFormAsync(ada, editUrl, new Dictionary<string, string> { ["Input.Name"] = "Questions and answers", ["Input.Purpose"] = space.Purpose }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await PostAsync(grace, editUrl, FormValues(gracesForm, new Dictionary<string, string> { ["Input.Purpose"] = "Grace rewrote the purpose." }));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await ParseAsync(second);
        Assert.Contains("Another admin changed this space", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Questions and answers", page.QuerySelector("[aria-labelledby='saved-heading']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Grace rewrote the purpose.", page.QuerySelector("textarea")!.TextContent.Trim());
        var saved = await DbAsync(db => db.Spaces.Where(s => s.Id == space.Id).Select(s => new { s.Name, s.Purpose }).SingleAsync());
        Assert.Equal(("Questions and answers", space.Purpose), (saved.Name, saved.Purpose));
        var findings = await HtmlConformanceTests.CheckAsync(new Dictionary<string, string> { ["admin-space-conflict"] = await second.Content.ReadAsStringAsync() });
        Assert.True(findings.Count == 0, string.Join("\n", findings));

        // The form that came back carries what is saved now: sending it again deliberately replaces it.
        var again = page.QuerySelector<IHtmlFormElement>("main form")!;
        using (var replaced = await PostAsync(grace, editUrl, FormValues(again, new Dictionary<string, string> { ["Input.Purpose"] = "Grace rewrote the purpose.", ["Input.Name"] = "Questions and answers" })))
        {
            Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        }

        Assert.Equal("Grace rewrote the purpose.", await DbAsync(db => db.Spaces.Where(s => s.Id == space.Id).Select(s => s.Purpose).SingleAsync()));
    }
}

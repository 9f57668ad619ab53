using CommunityHub.Domain.Members;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>The tie features staff and admins use, in a real browser at desktop and phone widths: community health
/// with charts whose labels stay at body size, the triage page and its "Ask for help", customer organisations, and
/// the tie model's calibration.</summary>
public sealed class TiesInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Staff_triage_an_unanswered_question_ask_a_likely_helper_and_admins_calibrate(int width)
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewMemberAsync("Alice Chen");
        var answered = await StartThreadAsync(alice, title: "Exporting reports to CSV", body: "How do I export a report to CSV with its filters?");
        var bruno = await NewMemberAsync("Bruno Costa");
        using (var reply = await ReplyAsync(bruno, answered, "Use Export view: it keeps the filters in the CSV."))
        {
            var answerId = long.Parse(reply.Headers.Location!.OriginalString.Split("#post-")[1], System.Globalization.CultureInfo.InvariantCulture);
            using (await AcknowledgeAsync(alice, answered, answerId, "accept")) { }
        }

        await StartThreadAsync(await NewMemberAsync("Chloe Martin"), title: "CSV export loses filters", body: "My report export to CSV ignores the filters.");
        await NewMemberAsync("Sam Patel", Roles.Staff);
        await NewMemberAsync("Ada Okafor", Roles.Admin);

        var sam = await NewPersonAsync(width);
        await SignInAsync(sam, "Sam Patel");
        await sam.GotoAsync("/staff/dashboard");
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Community health");
        await Assertions.Expect(sam).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Community health"));
        // Chart labels are text at the body's size, whatever the width.
        var sizes = await sam.EvaluateAsync<double[]>(
            "() => [parseFloat(getComputedStyle(document.body).fontSize), ...[...document.querySelectorAll('.chart-row__label')].filter(e => e.offsetParent !== null).map(e => parseFloat(getComputedStyle(e).fontSize))]");
        Assert.True(sizes.Length > 1, "no chart labels visible");
        Assert.All(sizes.Skip(1), size => Assert.True(size >= sizes[0] - 0.5, $"a chart label is {size}px against the body's {sizes[0]}px"));
        await PageQualityTests.AssertAccessibleAsync(sam, "Community health");

        await sam.GetByRole(AriaRole.Link, new() { Name = "Unanswered, and who could help" }).ClickAsync();
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Unanswered, and who could help");
        await Assertions.Expect(sam.Locator(".card-list").First).ToContainTextAsync("CSV export loses filters");
        await PageQualityTests.AssertAccessibleAsync(sam, "Unanswered, and who could help");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Ask Bruno Costa for help" }).ClickAsync();
        await Assertions.Expect(sam.Locator(".notice")).ToContainTextAsync("Asked @bruno-costa");
        await Assertions.Expect(sam.Locator(".card-list").First).ToContainTextAsync("no answer yet");
        await PageQualityTests.AssertAccessibleAsync(sam, "The triage page after an ask");

        var ada = await NewPersonAsync(width);
        await SignInAsync(ada, "Ada Okafor");
        await ada.GotoAsync("/staff/organisations");
        await ada.GetByLabel("Name").FillAsync("Acme Corporation");
        await ada.GetByLabel("E-mail domains").FillAsync("acme.example");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Create the organisation" }).ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Heading, new() { Name = "Acme Corporation" })).ToBeVisibleAsync();
        await PageQualityTests.AssertAccessibleAsync(ada, "Customer organisations");

        await ada.GotoAsync("/admin/tie-model");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Calibrate now" }).ClickAsync();
        await Assertions.Expect(ada.Locator("#fits-caption")).ToBeVisibleAsync();
        await Assertions.Expect(ada.Locator("table")).ToContainTextAsync("Kept the model in force");
        await PageQualityTests.AssertAccessibleAsync(ada, "The tie model");
    }
}

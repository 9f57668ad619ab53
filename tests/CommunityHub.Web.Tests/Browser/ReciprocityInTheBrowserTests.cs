using CommunityHub.Domain.Members;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

public sealed class ReciprocityInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_member_marks_this_helped_me_and_sees_it_on_the_profile_and_the_dashboard(int width)
    {
        await CreateSpaceAsync("questions", "Questions");
        var alice = await NewPersonAsync(width);
        await RegisterAsync(alice, "Alice Chen");
        await StartThreadInBrowserAsync(alice, "Questions", "Export with filters?", "How do I export only the rows I see?");
        var threadUrl = new Uri(alice.Url).AbsolutePath;
        var bruno = await NewPersonAsync(width);
        await RegisterAsync(bruno, "Bruno Costa");
        await bruno.GotoAsync(threadUrl);
        await ReplyInBrowserAsync(bruno, "Use Export view, @alice-chen: it keeps your filters.");

        await alice.ReloadAsync();
        var answer = alice.Locator(".post-list .post").First;
        await answer.GetByRole(AriaRole.Button, new() { Name = "This helped me" }).ClickAsync();
        await Assertions.Expect(answer.GetByRole(AriaRole.Button, new() { Name = "This helped me" })).ToHaveAttributeAsync("aria-pressed", "true");
        await answer.GetByRole(AriaRole.Button, new() { Name = "Accept as the answer" }).ClickAsync();
        await Assertions.Expect(alice.Locator(".accepted-answer")).ToContainTextAsync("Export view");
        await Assertions.Expect(alice.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Solved");
        await PageQualityTests.AssertAccessibleAsync(alice, "A solved thread, for its starter");

        await alice.Locator(".post-list .post").First.GetByRole(AriaRole.Link, new() { Name = "Bruno Costa", Exact = true }).ClickAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bruno Costa");
        var ledger = alice.Locator(".ledger");
        await Assertions.Expect(ledger.Locator("dd").First).ToHaveTextAsync("2");
        await Assertions.Expect(ledger).ToContainTextAsync("Export with filters?");
        // Bruno's ties are his: Alice sees none of them on his profile, and hers on her own.
        await Assertions.Expect(alice.Locator(".tie")).ToHaveCountAsync(0);
        await alice.GotoAsync("/members/alice-chen");
        await Assertions.Expect(alice.Locator(".tie h3")).ToContainTextAsync("Bruno Costa");
        await PageQualityTests.AssertAccessibleAsync(alice, "A profile with ties");
        await alice.GetByRole(AriaRole.Link, new() { Name = "What built this tie" }).ClickAsync();
        await Assertions.Expect(alice.Locator(".timeline")).ToContainTextAsync("accepted");
        await PageQualityTests.AssertAccessibleAsync(alice, "A tie card");

        var sam = await NewPersonAsync(width);
        await RegisterAsync(sam, "Sam Patel");
        await Fixture.GrantAsync("Sam Patel", [Roles.Staff]);
        await SignInAsync(sam, "Sam Patel");
        await sam.GetByRole(AriaRole.Link, new() { Name = "Community health" }).ClickAsync();
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Community health");
        await Assertions.Expect(sam.Locator("#helpers-heading + p + ol")).ToContainTextAsync("Bruno Costa");
        await Assertions.Expect(sam.GetByRole(AriaRole.Figure, new() { Name = "Share of customers at each stage of the ladder" })).ToBeVisibleAsync();
        await PageQualityTests.AssertAccessibleAsync(sam, "The staff dashboard");
    }
}

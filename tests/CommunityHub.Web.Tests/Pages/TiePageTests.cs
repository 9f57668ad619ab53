using System.Net;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>Profiles, tie cards and the staff dashboard over HTTP: who may see what.</summary>
public sealed class TiePageTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<(HttpClient Alice, HttpClient Bruno)> AConversationAsync()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice Chen");
        var bruno = await NewMemberAsync("Bruno Costa");
        var thread = await StartThreadAsync(alice, title: "Exporting", body: "How do I export? Maybe @bruno-costa knows.");
        using (await ReplyAsync(bruno, thread, "Use the export view, @alice-chen."))
        {
        }

        var answer = await DbAsync(db => db.Posts.SingleAsync(p => !p.IsOpeningPost));
        using (await AcknowledgeAsync(alice, thread, answer.Id, "helped"))
        {
        }

        return (alice, bruno);
    }

    [Fact]
    public async Task A_profile_shows_its_member_their_ties_with_their_four_components_and_the_help_ledger()
    {
        var (_, bruno) = await AConversationAsync();

        var page = await GetPageAsync(bruno, "/members/bruno-costa");

        Assert.Equal("Bruno Costa", page.QuerySelector("h1")!.TextContent);
        var tie = page.QuerySelector(".tie")!;
        Assert.Contains("Alice Chen", tie.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, tie.QuerySelectorAll("svg.meter").Length);
        Assert.Equal("1", page.QuerySelector(".ledger dd")!.TextContent); // help given
        Assert.NotNull(tie.QuerySelector("a[href*='/ties/']")); // one of the pair opens the tie card
    }

    [Fact]
    public async Task A_visitor_and_another_member_see_the_help_ledger_but_no_ties_and_staff_and_moderators_see_them()
    {
        var (alice, _) = await AConversationAsync();
        var chloe = await NewMemberAsync("Chloe Martin");
        var sam = await NewMemberAsync("Sam Patel", Roles.Staff);
        var morgan = await NewMemberAsync("Morgan Reyes", Roles.Moderator);

        foreach (var (viewer, sees) in new[] { (NewVisitor(), false), (chloe, false), (alice, false), (sam, true), (morgan, true) })
        {
            var page = await GetPageAsync(viewer, "/members/bruno-costa");
            Assert.Equal("1", page.QuerySelector(".ledger dd")!.TextContent);
            Assert.Equal(sees, page.QuerySelector(".tie") is not null);
            Assert.Equal(sees, page.QuerySelector("#ties-heading") is not null);
        }
    }

    [Fact]
    public async Task Others_see_only_the_names_of_people_a_member_often_talks_with_once_the_member_shows_them()
    {
        var (_, bruno) = await AConversationAsync();
        using (var shown = await SubmitFormAsync(bruno, "/members/bruno-costa", new Dictionary<string, string>(), formSelector: "form[action*='FrequentContacts']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, shown.StatusCode);
        }

        var page = await GetPageAsync(NewVisitor(), "/members/bruno-costa");

        Assert.Contains("Alice Chen", page.QuerySelector("#contacts-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".tie"));
        Assert.Null(page.QuerySelector("svg.meter"));
    }

    [Fact]
    public async Task Mentions_link_to_the_profile()
    {
        await AConversationAsync();

        var page = await GetPageAsync(NewVisitor(), "/s/questions");
        var thread = page.QuerySelector(".thread-row a")!.GetAttribute("href")!;
        var threadPage = await GetPageAsync(NewVisitor(), thread);

        Assert.NotNull(threadPage.QuerySelector("a.mention[href='/members/bruno-costa']"));
    }

    [Fact]
    public async Task An_unknown_member_is_a_404()
    {
        await GetPageAsync(NewVisitor(), "/members/nobody", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_two_members_and_staff_open_the_tie_card_and_no_one_else()
    {
        await AConversationAsync();
        var alice = NewVisitor();
        using (await SubmitFormAsync(alice, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = EmailOf("Alice Chen"), ["Input.Password"] = Password }))
        {
        }

        var chloe = await NewMemberAsync("Chloe");
        var sam = await NewMemberAsync("Sam", Roles.Staff);
        const string card = "/members/alice-chen/ties/bruno-costa";

        var seen = await GetPageAsync(alice, card);
        await GetPageAsync(sam, card);
        await GetPageAsync(chloe, card, HttpStatusCode.Forbidden);
        using var anonymous = await NewVisitor().GetAsync(card);

        Assert.Contains("helped", seen.QuerySelector(".timeline")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.Admin)]
    public async Task The_companys_people_and_moderators_see_the_dashboard(string role)
    {
        await AConversationAsync();
        var person = await NewMemberAsync("Quinn", role);

        var page = await GetPageAsync(person, "/staff/dashboard");

        Assert.Equal("Community health", page.QuerySelector("h1")!.TextContent);
        // The ladder as rows that reflow; three column charts, each with its rows for narrow screens.
        Assert.Equal(3, page.QuerySelectorAll("svg.chart").Length);
        Assert.Equal(4, page.QuerySelectorAll("figure.chart--rows").Length);
        Assert.NotNull((await GetPageAsync(person, "/")).QuerySelector("a[href='/staff/dashboard']"));
    }

    [Fact]
    public async Task A_member_cannot_see_the_dashboard()
    {
        await AConversationAsync();
        var chloe = await NewMemberAsync("Chloe");

        await GetPageAsync(chloe, "/staff/dashboard", HttpStatusCode.Forbidden);
        Assert.Null((await GetPageAsync(chloe, "/")).QuerySelector("a[href='/staff/dashboard']"));
        using var anonymous = await NewVisitor().GetAsync("/staff/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}

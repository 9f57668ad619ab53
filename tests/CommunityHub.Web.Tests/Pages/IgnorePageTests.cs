using System.Net;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>Ignoring over HTTP, without script: "Ignore" on a profile collapses that member's posts into a
/// &lt;details&gt; on the thread page, /account/ignored lists them with "Stop ignoring"; a moderator cannot be
/// ignored (a sentence on the profile), and a forged POST without a token changes nothing.</summary>
public sealed class IgnorePageTests(WebFixture fixture) : WebTest(fixture)
{
    private static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Ignoring_from_a_profile_collapses_the_members_posts_and_the_account_page_undoes_it()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice, title: "Exports are slow");
        var bruno = await NewMemberAsync("Bruno");
        using (await ReplyAsync(bruno, thread, "Have you tried turning it off and on again?"))
        {
        }

        var bruinsProfile = "/members/bruno";
        using (var forged = await PostAsync(alice, $"{bruinsProfile}?handler=Ignore", new Dictionary<string, string> { ["memberId"] = Guid.NewGuid().ToString() }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.False(await DbAsync(db => db.IgnoredMembers.AnyAsync()));
        using (var ignored = await SubmitFormAsync(alice, bruinsProfile, new Dictionary<string, string>(), "form[action*='handler=Ignore']"))
        {
            Assert.Equal((HttpStatusCode.Redirect, bruinsProfile), (ignored.StatusCode, ignored.Headers.Location!.OriginalString));
        }

        var page = await GetPageAsync(alice, thread);
        var collapsed = Assert.Single(page.QuerySelectorAll("details.post-ignored"));
        Assert.Equal("Post by Bruno, whom you ignore — show", collapsed.QuerySelector("summary")!.TextContent.Trim());
        Assert.Contains("turning it off and on again", collapsed.TextContent, StringComparison.Ordinal);
        Assert.Empty((await GetPageAsync(bruno, thread)).QuerySelectorAll("details.post-ignored"));
        Assert.Contains("Stop ignoring", (await GetPageAsync(alice, bruinsProfile)).QuerySelector(".ignore-member")!.TextContent, StringComparison.Ordinal);

        var list = await HtmlAsync(alice, "/account/ignored");
        Assert.Contains("Bruno", list, StringComparison.Ordinal);
        var findings = await HtmlConformanceTests.CheckAsync(new Dictionary<string, string>
        {
            ["thread-with-ignored-post"] = await HtmlAsync(alice, thread),
            ["profile-ignored"] = await HtmlAsync(alice, bruinsProfile),
            ["account-ignored"] = list,
        });
        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));

        using (var stopped = await SubmitFormAsync(alice, "/account/ignored", new Dictionary<string, string>(), "main li form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        }

        Assert.Empty((await GetPageAsync(alice, thread)).QuerySelectorAll("details.post-ignored"));
        Assert.Contains("You ignore nobody", await HtmlAsync(alice, "/account/ignored"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_moderator_cannot_be_ignored_the_profile_does_not_offer_it_and_a_forged_post_is_refused_with_why()
    {
        using (await NewMemberAsync("Morgan", Roles.Moderator))
        {
        }

        using (await NewMemberAsync("Sam", Roles.Staff))
        {
        }

        var alice = await NewMemberAsync("Alice");
        using (await NewMemberAsync("Bruno"))
        {
        }

        // The domain refuses it, so the profile does not offer it; a plain member's profile does.
        Assert.Null((await GetPageAsync(alice, "/members/morgan")).QuerySelector(".ignore-member"));
        Assert.Null((await GetPageAsync(alice, "/members/sam")).QuerySelector(".ignore-member"));
        Assert.NotNull((await GetPageAsync(alice, "/members/bruno")).QuerySelector("form[action*='handler=Ignore']"));

        // Forged with a real token (Bruno's form, sent for Morgan): refused with the sentence, nothing written.
        var morgan = await DbAsync(db => db.Members.Where(m => m.Handle == "morgan").Select(m => m.Id).SingleAsync());
        using var refused = await SubmitFormAsync(
            alice, "/members/bruno", new Dictionary<string, string> { ["memberId"] = morgan.ToString() }, "form[action*='handler=Ignore']",
            formAction: "/members/morgan?handler=Ignore");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Moderators and staff cannot be ignored", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await DbAsync(db => db.IgnoredMembers.AnyAsync()));
    }
}

using System.Net;
using System.Text.Json;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>The composer's completions and thread cards over HTTP: the member lookup is for signed-in members, answers
/// JSON and is rate-limited; the emoji list is JSON; a card shows a thread only to those who may open it.</summary>
public sealed class ComposerCompletionPageTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly Dictionary<string, string?> SmallLimit = new()
    {
        ["RateLimits:Completion:PermitLimit"] = "3",
        ["RateLimits:Completion:Window"] = "01:00:00",
    };

    [Fact]
    public async Task Member_completion_answers_signed_in_members_with_handles_and_names_as_json()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice Chen");
        await NewMemberAsync("Alan Turing");
        await NewMemberAsync("Bruno Costa");

        using var anonymous = await NewVisitor().GetAsync("/composer/members?q=al");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("sign-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var answer = await alice.GetAsync("/composer/members?q=AL");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal(
            [("alan-turing", "Alan Turing"), ("alice-chen", "Alice Chen")],
            json.RootElement.EnumerateArray().Select(m => (m.GetProperty("handle").GetString(), m.GetProperty("name").GetString())));
        Assert.Equal("[]", await alice.GetStringAsync("/composer/members?q="));

        var form = (await GetPageAsync(alice, "/s/questions/new")).QuerySelector("form.composer")!;
        Assert.Equal("/composer/members", form.GetAttribute("data-members"));
        Assert.Equal("/composer/emoji", form.GetAttribute("data-emoji"));
    }

    [Fact]
    public async Task Member_completion_is_rate_limited_per_account()
    {
        var app = Fixture.AppWith("small-completion-limit", SmallLimit);
        var alice = await NewMemberAsync(NewVisitor(app), "Alice");
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await alice.GetAsync("/composer/members?q=al");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await alice.GetAsync("/composer/members?q=ali");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        // Other pages' GETs are not limited.
        using var home = await alice.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task The_emoji_list_is_json_of_codes_and_emoji()
    {
        using var json = JsonDocument.Parse(await NewVisitor().GetStringAsync("/composer/emoji"));

        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("code").GetString() == "tada" && e.GetProperty("emoji").GetString() == "🎉");
        Assert.InRange(json.RootElement.GetArrayLength(), 100, 500);
    }

    [Fact]
    public async Task A_card_for_a_private_thread_shows_only_to_its_groups_members_and_reveals_nothing_to_an_outsider()
    {
        await CreateSpaceAsync();
        var beta = await CreateSpaceAsync("beta", "Beta", 2);
        var bea = await NewMemberAsync("Bea");
        var olly = await NewMemberAsync("Olly");
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        using var created = await SubmitFormAsync(ada, "/admin/groups", new Dictionary<string, string> { ["Input.Name"] = "Beta programme", ["Input.Description"] = "Customers trying what is next." });
        var groupUrl = created.Headers.Location!.OriginalString;
        using var added = await SubmitFormAsync(ada, groupUrl, new Dictionary<string, string> { ["Input.Handle"] = "@bea" }, "main form.form");
        var groupId = groupUrl.Split('/')[^1];
        using var restricted = await SubmitFormAsync(ada, $"/admin/spaces/{beta.Id}/access", new Dictionary<string, string> { ["GroupIds"] = groupId });
        Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);
        var secret = await StartThreadAsync(bea, "beta", "Quokka plans", "The quokka launch is secret.");
        var open = await StartThreadAsync(bea, "questions", "Where is the quokka?", $"It is here:\n\n[{secret}]({secret})\n");

        var insiders = await GetPageAsync(bea, open);
        Assert.Equal("Quokka plans", insiders.QuerySelector(".post__body .thread-card a")!.TextContent);
        Assert.Contains("in Beta", insiders.QuerySelector(".post__body .thread-card")!.TextContent, StringComparison.Ordinal);

        foreach (var outsider in new[] { olly, NewVisitor() })
        {
            var page = await GetPageAsync(outsider, open);
            var body = page.QuerySelector(".post__body")!;
            Assert.Null(body.QuerySelector(".thread-card"));
            Assert.Equal(secret, body.QuerySelector("a")!.GetAttribute("href"));
            Assert.DoesNotContain("Quokka plans", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Beta", page.Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(2, await DbAsync(db => db.Threads.CountAsync()));
    }
}

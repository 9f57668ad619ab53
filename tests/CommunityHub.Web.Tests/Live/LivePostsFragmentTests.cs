using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using CommunityHub.Domain.Members;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Live;

/// <summary>The fragment a live thread page appends (<c>/s/{slug}/t/{id}/posts?after=</c>): for every reader it holds
/// exactly the posts their thread page holds after that post — a staff note for the staff side only, a held post for
/// its author and moderators only, a private space's posts for its group only — in the page's own markup.</summary>
public sealed class LivePostsFragmentTests(WebFixture fixture) : WebTest(fixture)
{
    private const string NoteText = "Internal: customer is on the enterprise plan";
    private const string HeldText = "My first reply, waiting for a moderator.";

    private CommunityWebFactory Shipped => Fixture.AppWith("shipped-trust", TrustSettings.Defaults);

    private static long PostIdOf(HttpResponseMessage redirect) =>
        long.Parse(redirect.Headers.Location!.OriginalString.Split("#post-")[1], CultureInfo.InvariantCulture);

    private async Task<HttpClient> PersonAsync(string displayName, params string[] roles)
    {
        using (await NewMemberAsync(displayName))
        {
        }

        if (roles.Length > 0)
        {
            await Fixture.GrantAsync(displayName, roles, null);
        }

        var client = NewVisitor(Shipped);
        using var response = await SubmitFormAsync(client, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = EmailOf(displayName), ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<List<long>> FragmentPostIdsAsync(HttpClient reader, string threadUrl, long after, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await reader.GetAsync($"{threadUrl}/posts?after={after}");
        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            return [];
        }

        Assert.True(response.Headers.CacheControl?.NoStore);
        var html = await response.Content.ReadAsStringAsync();
        var fragment = new HtmlParser().ParseFragment(html, new HtmlParser().ParseDocument("<body></body>").Body!);
        var list = fragment.OfType<AngleSharp.Dom.IElement>().Single(e => e.LocalName == "ol");
        Assert.Equal("post-list", list.ClassName);
        return [.. list.QuerySelectorAll("li > [id^='post-']").Select(e => long.Parse(e.Id!["post-".Length..], CultureInfo.InvariantCulture))];
    }

    private static async Task<List<long>> PagePostIdsAsync(HttpClient reader, string threadUrl)
    {
        var page = await GetPageAsync(reader, threadUrl + "?after=0");
        return [.. page.QuerySelectorAll(".replies .post-list > li > [id^='post-']").Select(e => long.Parse(e.Id!["post-".Length..], CultureInfo.InvariantCulture))];
    }

    [Fact]
    public async Task Each_role_gets_the_replies_its_page_shows_and_a_staff_note_only_on_the_staff_side()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var opening = await DbAsync(db => db.Posts.Where(p => p.IsOpeningPost).Select(p => p.Id).SingleAsync());
        using var first = await ReplyAsync(await NewMemberAsync("Bruno"), thread, "Same here.");
        var sam = await NewMemberAsync("Sam", Roles.Staff);
        using var note = await SubmitFormAsync(sam, thread, new Dictionary<string, string> { ["Input.Body"] = NoteText, ["Input.IsStaffNote"] = "true" }, "#reply-form form");
        var noteId = PostIdOf(note);
        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);

        var readers = new Dictionary<string, HttpClient> { ["member"] = alice, ["staff"] = sam, ["moderator"] = morgan, ["visitor"] = NewVisitor() };
        foreach (var (role, reader) in readers)
        {
            var fragment = await FragmentPostIdsAsync(reader, thread, opening);
            Assert.Equal(await PagePostIdsAsync(reader, thread), fragment);
            Assert.Contains(PostIdOf(first), fragment);
            Assert.True(fragment.Contains(noteId) == (role is "staff" or "moderator"), $"The {role} {(fragment.Contains(noteId) ? "got" : "did not get")} the staff note.");
        }

        using var visitors = await NewVisitor().GetAsync($"{thread}/posts?after={opening}");
        Assert.DoesNotContain(NoteText, await visitors.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // After the newest post there is nothing more; the fragment stays an empty list.
        Assert.Empty(await FragmentPostIdsAsync(sam, thread, noteId));
    }

    [Fact]
    public async Task A_held_reply_reaches_its_author_and_moderators_only()
    {
        await CreateSpaceAsync();
        var alice = await PersonAsync("Alice");
        await DbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE members SET trust_locked_at = 'Member'"));
        var thread = await StartThreadAsync(alice);
        var opening = await DbAsync(db => db.Posts.Where(p => p.IsOpeningPost).Select(p => p.Id).SingleAsync());
        var nina = await PersonAsync("Nina");
        using (await ReplyAsync(nina, thread, HeldText))
        {
        }

        var held = await DbAsync(db => db.Posts.Where(p => p.AwaitingApproval).Select(p => p.Id).SingleAsync());
        var morgan = await PersonAsync("Morgan", Roles.Moderator);

        Assert.Equal([held], await FragmentPostIdsAsync(nina, thread, opening));
        Assert.Equal([held], await FragmentPostIdsAsync(morgan, thread, opening));
        Assert.Empty(await FragmentPostIdsAsync(alice, thread, opening));
        Assert.Empty(await FragmentPostIdsAsync(NewVisitor(Shipped), thread, opening));
    }

    [Fact]
    public async Task A_private_spaces_replies_reach_its_group_only()
    {
        await CreateSpaceAsync();
        var beta = await CreateSpaceAsync("beta", "Beta", 2);
        var bea = await NewMemberAsync("Bea");
        var olly = await NewMemberAsync("Olly");
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        var beasHandle = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Bea").Select(m => m.Handle).SingleAsync());
        using var created = await SubmitFormAsync(ada, "/admin/groups", new Dictionary<string, string> { ["Input.Name"] = "Beta programme", ["Input.Description"] = "Customers trying what is next." });
        var groupUrl = created.Headers.Location!.OriginalString;
        using (await SubmitFormAsync(ada, groupUrl, new Dictionary<string, string> { ["Input.Handle"] = "@" + beasHandle }, "main form.form"))
        {
        }

        using (await SubmitFormAsync(ada, $"/admin/spaces/{beta.Id}/access", new Dictionary<string, string> { ["GroupIds"] = groupUrl.Split('/')[^1] }))
        {
        }

        var thread = await StartThreadAsync(bea, "beta", "Quokka plans", "The quokka launch is secret.");
        using var reply = await ReplyAsync(ada, thread, "Launch moved to May.");
        var opening = await DbAsync(db => db.Posts.Where(p => p.IsOpeningPost).Select(p => p.Id).SingleAsync());

        Assert.Equal([PostIdOf(reply)], await FragmentPostIdsAsync(bea, thread, opening));
        await FragmentPostIdsAsync(olly, thread, opening, HttpStatusCode.NotFound);
        await FragmentPostIdsAsync(NewVisitor(), thread, opening, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_a_post_to_start_after_the_fragment_is_refused_with_a_message()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));

        foreach (var url in new[] { $"{thread}/posts", $"{thread}/posts?after=-3", $"{thread}/posts?after=abc" })
        {
            using var response = await NewVisitor().GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("after", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}

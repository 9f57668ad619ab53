using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Conversation;

/// <summary>The feeds, read by a real feed parser (System.ServiceModel.Syndication), as a feed reader would.</summary>
public sealed class FeedTests(WebFixture fixture) : WebTest(fixture)
{
    private static async Task<SyndicationFeed> ReadFeedAsync(HttpClient client, string url, string contentType)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, Async = true });
        return SyndicationFeed.Load(reader);
    }

    [Fact]
    public async Task Community_space_and_thread_feeds_parse_as_atom_and_rss_with_escaped_text_and_stable_ids()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas", "Ideas", 2);
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice, title: "Tom & Jerry's <b>export</b>", body: "Body with **bold** & <script>alert(1)</script>");
        await StartThreadAsync(alice, "ideas", title: "An idea");
        using (await ReplyAsync(await NewMemberAsync("Bruno"), thread, "A reply & more")) { }
        var visitor = NewVisitor();

        var community = await ReadFeedAsync(visitor, "/feed.atom", "application/atom+xml");
        var communityRss = await ReadFeedAsync(visitor, "/feed.rss", "application/rss+xml");
        var space = await ReadFeedAsync(visitor, "/s/questions/feed.atom", "application/atom+xml");
        var replies = await ReadFeedAsync(visitor, thread + "/feed.rss", "application/rss+xml");

        Assert.Equal(["An idea", "Tom & Jerry's <b>export</b>"], community.Items.Select(i => i.Title.Text));
        Assert.Equal(community.Items.Select(i => i.Id), communityRss.Items.Select(i => i.Id));
        Assert.Equal(["Tom & Jerry's <b>export</b>"], space.Items.Select(i => i.Title.Text));
        var content = ((TextSyndicationContent)space.Items.Single().Content).Text;
        Assert.Contains("<strong>bold</strong>", content, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", content, StringComparison.Ordinal);
        Assert.Equal("http://localhost" + thread, space.Items.Single().Links.Single(l => l.RelationshipType == "alternate").Uri.ToString());
        var reply = Assert.Single(replies.Items);
        Assert.Equal("Reply by Bruno", reply.Title.Text);
        Assert.Contains("A reply &amp; more", reply.Summary.Text, StringComparison.Ordinal); // RSS carries HTML in <description>

        // Stable ids: the same post has the same id however often and wherever it is read.
        var again = await ReadFeedAsync(visitor, "/s/questions/feed.atom", "application/atom+xml");
        Assert.Equal(space.Items.Single().Id, again.Items.Single().Id);
        Assert.Equal(community.Items.Last().Id, space.Items.Single().Id);
        Assert.StartsWith("tag:", space.Items.Single().Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_link_their_feeds_and_unknown_ones_are_not_found()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var visitor = NewVisitor();

        foreach (var (page, feed) in new[] { ("/", "/feed"), ("/s/questions", "/s/questions/feed"), (thread, thread + "/feed") })
        {
            var links = (await GetPageAsync(visitor, page)).QuerySelectorAll("link[rel=alternate]").Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ToList();
            Assert.Contains(("application/atom+xml", feed + ".atom"), links);
            Assert.Contains(("application/rss+xml", feed + ".rss"), links);
        }

        using var noSpace = await visitor.GetAsync("/s/nowhere/feed.atom");
        using var noThread = await visitor.GetAsync("/s/questions/t/999999/feed.rss");
        Assert.Equal(HttpStatusCode.NotFound, noSpace.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noThread.StatusCode);
    }

    [Fact]
    public async Task A_thread_feed_leaves_out_staff_notes_hidden_and_deleted_replies()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Alice"));
        var bruno = await NewMemberAsync("Bruno");
        foreach (var body in new[] { "Visible", "Staff only", "Hidden", "Deleted" })
        {
            using (await ReplyAsync(bruno, thread, body)) { }
        }

        await DbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE posts SET is_staff_note = true WHERE body = 'Staff only'");
            await db.Database.ExecuteSqlAsync($"UPDATE posts SET hidden_at = now() WHERE body = 'Hidden'");
            return await db.Database.ExecuteSqlAsync($"UPDATE posts SET deleted_at = now() WHERE body = 'Deleted'");
        });

        var feed = await ReadFeedAsync(NewVisitor(), thread + "/feed.atom", "application/atom+xml");
        Assert.Equal(["<p>Visible</p>"], feed.Items.Select(i => ((TextSyndicationContent)i.Content).Text.Trim()));
    }
}

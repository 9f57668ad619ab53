using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Hostile;

/// <summary>Every hostile string as a thread title, a post body, a display name, a space's name and purpose, and
/// a search: never a 500; accepted means stored exactly as sent (single-line fields without their surrounding
/// whitespace, the one normalisation those fields always had); refused means said on the form, nothing stored.</summary>
public sealed class HostileInputTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Hostile_thread_titles_are_stored_exactly_or_refused_on_the_form()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var form = FormValues(await FormAsync(alice, "/s/questions/new"));
        var accepted = new List<(string Sent, long ThreadId)>();

        foreach (var title in HostileCorpus.All)
        {
            form["Input.Title"] = title;
            form["Input.Body"] = "Body";
            form["Input.SubmissionId"] = Guid.NewGuid().ToString();
            using var response = await PostAsync(alice, "/s/questions/new", form);
            if (HostileCorpus.FitsLine(title, PostLimits.TitleMaxLength))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{Show(title)}: {response.StatusCode}");
                accepted.Add((title, long.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture)));
            }
            else
            {
                await AssertRefusedOnTheFormAsync(response, title);
            }
        }

        Assert.NotEmpty(accepted);
        var stored = await DbAsync(db => db.Threads.ToDictionaryAsync(t => t.Id, t => t.Title));
        Assert.Equal(accepted.Count, stored.Count);
        Assert.All(accepted, a => Assert.Equal(a.Sent.Trim(), stored[a.ThreadId]));
        for (var page = 1; page <= (accepted.Count + 24) / 25; page++)
        {
            await GetPageAsync(alice, $"/s/questions?page={page}");
        }

        foreach (var (_, threadId) in Sample(accepted))
        {
            await GetPageAsync(alice, $"/s/questions/t/{threadId}");
        }

        await GetPageAsync(alice, "/");
        await GetPageAsync(alice, "/feed.atom");
        await GetPageAsync(alice, "/s/questions/feed.rss");
    }

    [Fact]
    public async Task Hostile_post_bodies_are_stored_exactly_or_refused_on_the_form()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var form = FormValues((await FormAsync(alice, thread, "#reply-form form")));
        var storable = HostileCorpus.All.Where(HostileCorpus.FitsText).ToList();
        // Many to a reply keeps the run short; each batch is one reply, compared whole.
        var batches = storable.Chunk(40).Select(chunk => string.Join("\n\n", chunk)).ToList();

        foreach (var body in batches)
        {
            form["Input.Body"] = body;
            form["Input.SubmissionId"] = Guid.NewGuid().ToString();
            using var response = await PostAsync(alice, thread, form);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        foreach (var body in HostileCorpus.All.Where(s => !HostileCorpus.FitsText(s)))
        {
            form["Input.Body"] = body;
            form["Input.SubmissionId"] = Guid.NewGuid().ToString();
            using var response = await PostAsync(alice, thread, form);
            await AssertRefusedOnTheFormAsync(response, body);
        }

        var stored = await DbAsync(db => db.Posts.Where(p => !p.IsOpeningPost).OrderBy(p => p.Id).Select(p => p.Body).ToListAsync());
        Assert.Equal(batches, stored);
        await GetPageAsync(alice, thread);
        await GetPageAsync(alice, thread + "/feed.atom");
        foreach (var query in new[] { "script", "xss", "onerror", "javascript", "null" })
        {
            await GetPageAsync(alice, $"/search?q={query}");
        }
    }

    [Fact]
    public async Task Hostile_display_names_are_stored_exactly_or_refused_on_the_form()
    {
        var accepted = new List<(string Sent, string Email)>();
        for (var i = 0; i < HostileCorpus.All.Count; i++)
        {
            var name = HostileCorpus.All[i];
            // A fresh visitor each time (registering signs in); the form's token is tied to no account yet.
            using var visitor = NewVisitor();
            var values = FormValues(await FormAsync(visitor, "/account/register"), new Dictionary<string, string>
            {
                ["Input.DisplayName"] = name,
                ["Input.Email"] = $"member{i}@example.com",
                ["Input.Password"] = Password,
            });
            using var response = await PostAsync(visitor, "/account/register", values);
            if (HostileCorpus.FitsLine(name, Member.DisplayNameMaxLength))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{Show(name)}: {response.StatusCode}");
                accepted.Add((name, $"member{i}@example.com"));
            }
            else
            {
                await AssertRefusedOnTheFormAsync(response, name);
            }
        }

        // Most of the corpus is a storable name: were none accepted, the checks below would pass on an empty table.
        Assert.NotEmpty(accepted);
        var stored = await DbAsync(db => db.Members
            .Join(db.Users, m => m.Id, u => u.Id, (m, u) => new { u.Email, m.DisplayName, m.Handle })
            .ToListAsync());
        Assert.Equal(accepted.Count, stored.Count);
        var byEmail = stored.ToDictionary(s => s.Email!);
        Assert.All(accepted, a => Assert.Equal(a.Sent.Trim(), byEmail[a.Email].DisplayName));
        var reader = NewVisitor();
        foreach (var member in Sample(stored))
        {
            await GetPageAsync(reader, $"/members/{Uri.EscapeDataString(member.Handle)}");
        }
    }

    [Fact]
    public async Task Hostile_space_names_and_purposes_are_stored_exactly_or_refused_on_the_form()
    {
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        var form = FormValues(await FormAsync(ada, "/admin/spaces/new"));
        var accepted = new List<(string Sent, string Slug)>();
        for (var i = 0; i < HostileCorpus.All.Count; i++)
        {
            var text = HostileCorpus.All[i];
            form["Input.Name"] = text;
            form["Input.Slug"] = $"s{i}";
            form["Input.Purpose"] = text;
            using var response = await PostAsync(ada, "/admin/spaces/new", form);
            if (HostileCorpus.FitsLine(text, Space.NameMaxLength))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{Show(text)}: {response.StatusCode}");
                accepted.Add((text, $"s{i}"));
            }
            else
            {
                await AssertRefusedOnTheFormAsync(response, text);
            }
        }

        Assert.NotEmpty(accepted);
        var stored = await DbAsync(db => db.Spaces.ToDictionaryAsync(s => s.Slug, s => new { s.Name, s.Purpose }));
        Assert.Equal(accepted.Count, stored.Count);
        Assert.All(accepted, a => Assert.Equal((a.Sent.Trim(), a.Sent.Trim()), (stored[a.Slug].Name, stored[a.Slug].Purpose)));
        var reader = NewVisitor();
        await GetPageAsync(reader, "/");
        await GetPageAsync(ada, "/admin/spaces");
        foreach (var (_, slug) in Sample(accepted))
        {
            await GetPageAsync(reader, $"/s/{slug}");
        }
    }

    [Fact]
    public async Task Hostile_searches_answer_with_results_or_a_clear_4xx()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        await StartThreadAsync(alice, title: "Exporting reports", body: "Use the <script> export; it is 100% safe & sound.");

        foreach (var query in HostileCorpus.All)
        {
            using var response = await alice.GetAsync($"/search?q={Uri.EscapeDataString(query)}&author={Uri.EscapeDataString(query)}");
            var expected = TextRules.IsStorable(query) && query.Length <= Application.Search.SearchPosts.MaxQueryLength && query.Length <= 50
                ? HttpStatusCode.OK
                : HttpStatusCode.BadRequest;
            Assert.True(response.StatusCode == expected, $"{Show(query)}: {response.StatusCode}, expected {expected}");
        }
    }

    private static async Task<IHtmlFormElement> FormAsync(HttpClient client, string url, string selector = "main form") =>
        (await GetPageAsync(client, url)).QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form on {url}.");

    private static async Task AssertRefusedOnTheFormAsync(HttpResponseMessage response, string sent)
    {
        if (sent.Contains('\0', StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.BadRequest)
        {
            // ASP.NET Core's form reader refuses NUL itself, before any page runs: the 400 page, never a 500.
            Assert.Equal("That request did not make sense", (await ParseAsync(response)).QuerySelector("h1")?.TextContent);
            return;
        }

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Show(sent)}: {response.StatusCode}");
        var page = await ParseAsync(response);
        var said = string.Concat(page.QuerySelectorAll(".field-error, .form-errors").Select(e => e.TextContent)).Trim();
        Assert.True(said.Length > 0, $"{Show(sent)} was refused without a word on the form.");
    }

    /// <summary>Reading every page back would double the run: every fifth, and every one that looks like markup.</summary>
    private static IEnumerable<T> Sample<T>(IReadOnlyList<T> items) =>
        items.Where((item, i) => i % 5 == 0 || item?.ToString()?.Contains('<', StringComparison.Ordinal) == true);

    private static string Show(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}

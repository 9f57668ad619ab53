using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Web.Tests.Api;

/// <summary>The endpoints over the pages' use cases: reading and writing as the token's member, each scope's refusal,
/// private spaces and staff notes as on the pages, bad input as Problem Details with nothing written, ETags and paging.</summary>
public sealed class ApiEndpointTests(WebFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_token_starts_a_thread_replies_and_reads_it_back_as_its_member()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var api = Api(await MakeTokenAsync(alice));

        var (threadId, url) = await StartThreadThroughApiAsync(api, title: "Exporting ledgers", body: "How do I export **all** ledgers?");
        using var reply = await api.PostAsync($"/api/v1/spaces/questions/threads/{threadId}/replies", Json("""{"body":"Found it: Settings, Export."}"""));
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        using var read = await api.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.False(string.IsNullOrEmpty(read.Headers.GetValues("X-Request-Id").Single()));
        var thread = await ReadJsonAsync(read);
        Assert.Equal("Exporting ledgers", thread.GetProperty("title").GetString());
        Assert.Contains("<strong>all</strong>", thread.GetProperty("openingPost").GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal("alice", thread.GetProperty("openingPost").GetProperty("authorHandle").GetString());
        Assert.Equal("Found it: Settings, Export.", thread.GetProperty("replies")[0].GetProperty("bodyHtml").GetString()!.Replace("<p>", "", StringComparison.Ordinal).Replace("</p>", "", StringComparison.Ordinal).Trim());

        // The same thread on the page, written by the same member.
        var page = await GetPageAsync(NewVisitor(), $"/s/questions/t/{threadId}");
        Assert.Contains("Found it", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_scope_guards_its_endpoints()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var readOnly = Api(await MakeTokenAsync(alice, "Reader", "read"));
        var writeOnly = Api(await MakeTokenAsync(alice, "Writer", "write"));
        var (threadId, url) = await StartThreadThroughApiAsync(writeOnly);

        using var write = await readOnly.PostAsync($"/api/v1/spaces/questions/threads/{threadId}/replies", Json("""{"body":"Nope"}"""));
        var problem = await ProblemAsync(write, HttpStatusCode.Forbidden);
        Assert.Contains("\"write\"", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("insufficient_scope", write.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await ProblemAsync(await writeOnly.GetAsync(url), HttpStatusCode.Forbidden);

        var postId = await DbAsync(db => db.Posts.Select(p => p.Id).SingleAsync());
        // A member's token can never carry moderate or admin, so moderation and the admin lookup are out of reach.
        await ProblemAsync(await readOnly.PostAsync($"/api/v1/posts/{postId}/hide", Json("""{"reason":"spam"}""")), HttpStatusCode.Forbidden);
        await ProblemAsync(await readOnly.GetAsync("/api/v1/members?email=alice@example.com"), HttpStatusCode.Forbidden);

        // A moderator's token without the moderate scope cannot moderate either; with it, it can.
        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);
        var morganReads = Api(await MakeTokenAsync(morgan, "Reader", "read", "write"));
        await ProblemAsync(await morganReads.PostAsync($"/api/v1/posts/{postId}/hide", Json("""{"reason":"Off topic"}""")), HttpStatusCode.Forbidden);
        var morganModerates = Api(await MakeTokenAsync(morgan, "Moderator", "moderate"));
        using var hidden = await morganModerates.PostAsync($"/api/v1/threads/{threadId}/moderation", Json("""{"change":"lock","reason":"Done"}"""));
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        Assert.True(await DbAsync(db => db.Threads.Select(t => t.IsLocked).SingleAsync()));
        // The admin lookup needs the admin scope, which only an admin's token carries.
        await ProblemAsync(await morganModerates.GetAsync("/api/v1/members?email=alice@example.com"), HttpStatusCode.Forbidden);
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        using var found = await Api(await MakeTokenAsync(ada, "Admin", "admin")).GetAsync("/api/v1/members?email=alice@example.com");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("Alice", (await ReadJsonAsync(found)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task A_role_taken_away_takes_its_scope_off_existing_tokens()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var (threadId, _) = await StartThreadThroughApiAsync(Api(await MakeTokenAsync(alice)));
        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);
        var moderates = Api(await MakeTokenAsync(morgan, "Moderator", "moderate"));
        await using (var scope = Fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CommunityUser>>();
            Assert.True((await users.RemoveFromRoleAsync((await users.FindByEmailAsync(EmailOf("Morgan")))!, Roles.Moderator)).Succeeded);
        }

        await ProblemAsync(await moderates.PostAsync($"/api/v1/threads/{threadId}/moderation", Json("""{"change":"lock"}""")), HttpStatusCode.Forbidden);
        Assert.False(await DbAsync(db => db.Threads.Select(t => t.IsLocked).SingleAsync()));
    }

    [Fact]
    public async Task A_members_token_cannot_read_a_private_space_or_a_staff_note()
    {
        await CreateSpaceAsync();
        var beta = await CreateSpaceAsync("beta", "Beta", 2);
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        var bea = await NewMemberAsync("Bea");
        var beasHandle = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Bea").Select(m => m.Handle).SingleAsync());
        using var created = await SubmitFormAsync(ada, "/admin/groups", new Dictionary<string, string> { ["Input.Name"] = "Beta programme", ["Input.Description"] = "Trying what is next." });
        var groupUrl = created.Headers.Location!.OriginalString;
        using (await SubmitFormAsync(ada, groupUrl, new Dictionary<string, string> { ["Input.Handle"] = "@" + beasHandle }, "main form.form"))
        {
        }

        using (var restricted = await SubmitFormAsync(ada, $"/admin/spaces/{beta.Id}/access", new Dictionary<string, string> { ["GroupIds"] = groupUrl.Split('/')[^1] }))
        {
            Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);
        }

        var (secretId, secretUrl) = await StartThreadThroughApiAsync(Api(await MakeTokenAsync(bea)), "beta", "Quokka plans", "The quokka launch is secret.");
        var olly = Api(await MakeTokenAsync(await NewMemberAsync("Olly")));

        await ProblemAsync(await olly.GetAsync(secretUrl), HttpStatusCode.NotFound);
        await ProblemAsync(await olly.GetAsync("/api/v1/spaces/beta"), HttpStatusCode.NotFound);
        await ProblemAsync(await olly.GetAsync("/api/v1/spaces/beta/threads"), HttpStatusCode.NotFound);
        await ProblemAsync(await olly.PostAsync($"/api/v1/spaces/beta/threads/{secretId}/replies", Json("""{"body":"Let me in"}""")), HttpStatusCode.NotFound);
        Assert.DoesNotContain("beta", await (await olly.GetAsync("/api/v1/spaces")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Quokka", await (await olly.GetAsync("/api/v1/search?q=quokka")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Quokka", await (await Api(await MakeTokenAsync(bea, "Again")).GetAsync("/api/v1/search?q=quokka")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A staff note, posted through the API by staff, is not in a member's read of the thread; a member cannot post one.
        var sam = Api(await MakeTokenAsync(await NewMemberAsync("Sam", Roles.Staff)));
        var (threadId, threadUrl) = await StartThreadThroughApiAsync(olly, title: "Public question");
        using var note = await sam.PostAsync($"/api/v1/spaces/questions/threads/{threadId}/replies", Json("""{"body":"Customer on the old plan; careful.","isStaffNote":true}"""));
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        Assert.DoesNotContain("old plan", await (await olly.GetAsync(threadUrl)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("old plan", await (await sam.GetAsync(threadUrl)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var sneaky = await olly.PostAsync($"/api/v1/spaces/questions/threads/{threadId}/replies", Json("""{"body":"Sneaky note","isStaffNote":true}"""));
        Assert.True(sneaky.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict or HttpStatusCode.BadRequest, sneaky.StatusCode.ToString());
        Assert.Equal("application/problem+json", sneaky.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await DbAsync(db => db.Posts.CountAsync(p => p.IsStaffNote && p.AuthorId != db.Members.Where(m => m.DisplayName == "Sam").Select(m => m.Id).Single())));
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_problem_and_nothing_is_written()
    {
        await CreateSpaceAsync();
        var api = Api(await MakeTokenAsync(await NewMemberAsync("Alice")));
        const string url = "/api/v1/spaces/questions/threads";

        var broken = await ProblemAsync(await api.PostAsync(url, Json("""{"title": "Half""")), HttpStatusCode.BadRequest);
        Assert.Contains("$", broken.GetProperty("errors").EnumerateObject().Single().Name, StringComparison.Ordinal);
        var unknown = await ProblemAsync(await api.PostAsync(url, Json("""{"title":"A title","body":"A body","colour":"red"}""")), HttpStatusCode.BadRequest);
        Assert.Contains("colour", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var wrongType = await ProblemAsync(await api.PostAsync(url, Json("""{"title":42,"body":"A body"}""")), HttpStatusCode.BadRequest);
        Assert.Equal("$.title", wrongType.GetProperty("errors").EnumerateObject().Single().Name);
        var invalid = await ProblemAsync(await api.PostAsync(url, Json("""{"title":"","body":""}""")), HttpStatusCode.BadRequest);
        var fields = invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("title", fields);
        Assert.Contains("body", fields);
        await ProblemAsync(await api.PostAsync(url, new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded")), HttpStatusCode.UnsupportedMediaType);
        var huge = JsonSerializer.Serialize(new { title = "Huge", body = new string('x', 300 * 1024) });
        await ProblemAsync(await api.PostAsync(url, Json(huge)), HttpStatusCode.RequestEntityTooLarge);
        using var chunkedRequest = new HttpRequestMessage(HttpMethod.Post, url) { Content = new PushStreamContent(huge) };
        chunkedRequest.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await ProblemAsync(await api.SendAsync(chunkedRequest), HttpStatusCode.RequestEntityTooLarge);
        await ProblemAsync(await api.GetAsync("/api/v1/spaces/no-such-space"), HttpStatusCode.NotFound);
        await ProblemAsync(await api.GetAsync("/api/v1/no/such/endpoint"), HttpStatusCode.NotFound);
        await ProblemAsync(await api.PostAsync("/api/v1/spaces/no-such-space/threads", Json("""{"title":"A title","body":"A body"}""")), HttpStatusCode.NotFound);

        Assert.Equal(0, await DbAsync(db => db.Threads.CountAsync()));
        Assert.Equal(0, await DbAsync(db => db.Posts.CountAsync()));
    }

    [Fact]
    public async Task A_locked_thread_refuses_a_reply_with_a_conflict()
    {
        await CreateSpaceAsync();
        var alice = Api(await MakeTokenAsync(await NewMemberAsync("Alice")));
        var (threadId, _) = await StartThreadThroughApiAsync(alice);
        var morgan = Api(await MakeTokenAsync(await NewMemberAsync("Morgan", Roles.Moderator), "Mod", "moderate"));
        using (var locked = await morgan.PostAsync($"/api/v1/threads/{threadId}/moderation", Json("""{"change":"lock"}""")))
        {
            Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        }

        var refused = await ProblemAsync(await alice.PostAsync($"/api/v1/spaces/questions/threads/{threadId}/replies", Json("""{"body":"Still here?"}""")), HttpStatusCode.Conflict);
        Assert.Contains("lock", refused.GetProperty("detail").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await DbAsync(db => db.Posts.CountAsync()));
    }

    [Fact]
    public async Task Reads_carry_an_etag_and_answer_304_while_nothing_changed()
    {
        await CreateSpaceAsync();
        var api = Api(await MakeTokenAsync(await NewMemberAsync("Alice")));
        var (threadId, url) = await StartThreadThroughApiAsync(api);

        using var first = await api.GetAsync(url);
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await api.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using (await api.PostAsync($"/api/v1/spaces/questions/threads/{threadId}/replies", Json("""{"body":"Something new."}""")))
        {
        }

        using var afterChange = new HttpRequestMessage(HttpMethod.Get, url);
        afterChange.Headers.IfNoneMatch.Add(etag);
        using var changed = await api.SendAsync(afterChange);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task Thread_lists_page_by_their_next_link_with_the_pages_filters()
    {
        await CreateSpaceAsync();
        const int pageSize = 2;
        var app = Fixture.AppWith("api-small-pages", new Dictionary<string, string?> { ["Community:ThreadsPerPage"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var api = AuthorizedOn(app, await MakeTokenAsync(await NewMemberAsync(NewVisitor(app), "Alice")));
        for (var i = 0; i < pageSize + 3; i++)
        {
            await StartThreadThroughApiAsync(api, title: $"Question number {i:00}");
        }

        var seen = new List<long>();
        string? next = "/api/v1/spaces/questions/threads";
        var pages = 0;
        while (next is not null)
        {
            var list = await ReadJsonAsync(await api.GetAsync(next));
            seen.AddRange(list.GetProperty("threads").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
            next = list.GetProperty("next").GetString();
            pages++;
            Assert.True(pages < 10, "The next links go round in a circle.");
        }

        Assert.True(pages >= 2, "The list came in one page; the test needs more threads than a page holds.");
        Assert.Equal(pageSize + 3, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        var unanswered = await ReadJsonAsync(await api.GetAsync("/api/v1/spaces/questions/threads?show=unanswered&sort=new"));
        Assert.Equal("Question number 04", unanswered.GetProperty("threads")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Helped_accepted_notifications_and_profiles_go_through_the_use_cases()
    {
        await CreateSpaceAsync();
        var alice = Api(await MakeTokenAsync(await NewMemberAsync("Alice")));
        var bruno = Api(await MakeTokenAsync(await NewMemberAsync("Bruno")));
        var (threadId, _) = await StartThreadThroughApiAsync(alice);
        using var reply = await bruno.PostAsync($"/api/v1/spaces/questions/threads/{threadId}/replies", Json("""{"body":"Try the export button, @alice."}"""));
        var replyId = (await ReadJsonAsync(reply)).GetProperty("postId").GetInt64();

        // Bruno may not accept an answer on Alice's thread; Alice may.
        await ProblemAsync(await bruno.PostAsync($"/api/v1/threads/{threadId}/accepted-answer", Json($$"""{"postId":{{replyId}}}""")), HttpStatusCode.Forbidden);
        using (var accepted = await alice.PostAsync($"/api/v1/threads/{threadId}/accepted-answer", Json($$"""{"postId":{{replyId}}}""")))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using (var helped = await alice.PostAsync($"/api/v1/posts/{replyId}/helped", null))
        {
            Assert.Equal(HttpStatusCode.OK, helped.StatusCode);
        }

        Assert.Equal(2, await DbAsync(db => db.ReciprocityRecords.CountAsync(r => r.RetractedAt == null)));
        var notifications = await ReadJsonAsync(await alice.GetAsync("/api/v1/notifications"));
        Assert.Contains(notifications.GetProperty("items").EnumerateArray(), n => n.GetProperty("actorName").GetString() == "Bruno");
        var profile = await ReadJsonAsync(await alice.GetAsync("/api/v1/members/bruno"));
        Assert.Equal("Bruno", profile.GetProperty("displayName").GetString());
        // Relationship data stays on the member's own pages.
        Assert.False(profile.TryGetProperty("ties", out _));
        Assert.False(profile.TryGetProperty("ledger", out _));
    }

    [Fact]
    public async Task Each_token_has_its_own_rate_limit()
    {
        await CreateSpaceAsync();
        var app = Fixture.AppWith("api-rate-limit", new Dictionary<string, string?> { ["Api:PermitLimit"] = "3" });
        var client = NewVisitor(app);
        await NewMemberAsync(client, "Alice");
        var first = AuthorizedOn(app, await MakeTokenAsync(client, "One"));
        var second = AuthorizedOn(app, await MakeTokenAsync(client, "Two"));
        for (var i = 0; i < 3; i++)
        {
            using var ok = await first.GetAsync("/api/v1/spaces");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await first.GetAsync("/api/v1/spaces");
        await ProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
        using var other = await second.GetAsync("/api/v1/spaces");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private static HttpClient AuthorizedOn(CommunityWebFactory app, string token)
    {
        var client = NewVisitor(app);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A body sent without a length (chunked), so the limit must be counted while reading.</summary>
    private sealed class PushStreamContent(string text) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

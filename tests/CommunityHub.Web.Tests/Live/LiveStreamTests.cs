using System.Globalization;
using System.Net;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Web.Tests.Live;

/// <summary>The live streams over HTTP, read as a browser reads them: signals within seconds of a committed write,
/// only what the reader could see on the page (never a post's words), nothing for a visitor or an outsider, bounded
/// in number, kept alive by heartbeats, and ended cleanly when the instance stops.</summary>
public sealed class LiveStreamTests(WebFixture fixture) : WebTest(fixture)
{
    private const string SecretNote = "Internal: refund approved by finance";

    private static long PostIdOf(HttpResponseMessage redirect) =>
        long.Parse(redirect.Headers.Location!.OriginalString.Split("#post-")[1], CultureInfo.InvariantCulture);

    private static long ThreadIdOf(string threadUrl) => long.Parse(threadUrl.Split('/')[^1], CultureInfo.InvariantCulture);

    private Task<long> OpeningPostIdAsync(string threadUrl) =>
        DbAsync(db => db.Posts.Where(p => p.ThreadId == ThreadIdOf(threadUrl) && p.IsOpeningPost).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task A_member_reading_a_thread_hears_of_a_new_reply_within_seconds_and_the_signal_carries_no_words()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        await using var stream = await LiveReader.OpenAsync(alice, $"/live/threads/{ThreadIdOf(thread)}?after={await OpeningPostIdAsync(thread)}");

        using var reply = await ReplyAsync(await NewMemberAsync("Bruno"), thread, "Try the export menu under Reports.");
        var replyId = PostIdOf(reply);

        var signal = await stream.ExpectAsync("posts");
        Assert.Equal(replyId, signal.Number("newest"));
        Assert.Equal(ThreadIdOf(thread), signal.Number("thread"));
        Assert.DoesNotContain(stream.Seen, e => e.Data.Contains("export", StringComparison.OrdinalIgnoreCase) || e.Data.Contains("Bruno", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_staff_note_signals_staff_and_moves_nothing_for_a_member()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var opening = await OpeningPostIdAsync(thread);
        var sam = await NewMemberAsync("Sam", Roles.Staff);
        var url = $"/live/threads/{ThreadIdOf(thread)}?after={opening}";
        await using var members = await LiveReader.OpenAsync(alice, url);
        await using var staffs = await LiveReader.OpenAsync(sam, url);

        using var note = await SubmitFormAsync(sam, thread, new Dictionary<string, string> { ["Input.Body"] = SecretNote, ["Input.IsStaffNote"] = "true" }, "#reply-form form");
        var noteId = PostIdOf(note);

        Assert.Equal(noteId, (await staffs.ExpectAsync("posts")).Number("newest"));
        Assert.Null(await members.NextAsync("posts", TimeSpan.FromSeconds(3)));

        // The member's next signal is the next post they may read, past the note they never meet.
        using var reply = await ReplyAsync(await NewMemberAsync("Bruno"), thread, "Same here.");
        Assert.Equal(PostIdOf(reply), (await members.ExpectAsync("posts")).Number("newest"));
        Assert.DoesNotContain(members.Seen, e => e.Name == "posts" && e.Number("newest") == noteId);
    }

    [Fact]
    public async Task A_visitor_has_no_stream_and_an_outsider_none_for_a_private_thread_or_space()
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
        var threadStream = $"/live/threads/{ThreadIdOf(thread)}?after=0";

        foreach (var url in new[] { threadStream, "/live/spaces/beta?after=0", "/live/notifications" })
        {
            using var visitor = await LiveReader.OpenResponseAsync(NewVisitor(), url);
            Assert.Equal(HttpStatusCode.Unauthorized, visitor.StatusCode);
        }

        foreach (var url in new[] { threadStream, "/live/spaces/beta?after=0", "/live/threads/999999?after=0", "/live/spaces/nowhere" })
        {
            using var outsider = await LiveReader.OpenResponseAsync(olly, url);
            Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        }

        // Olly's streams elsewhere carry nothing of the private space's doings.
        await using var ollysSpace = await LiveReader.OpenAsync(olly, "/live/spaces/questions?after=0");
        await using var beasThread = await LiveReader.OpenAsync(bea, threadStream);
        using var reply = await ReplyAsync(ada, thread, "Launch moved to May.");
        Assert.True((await beasThread.ExpectAsync("posts")).Number("newest") > 0);
        Assert.Null(await ollysSpace.NextAsync("threads", TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task A_thread_moved_out_of_a_readers_reach_ends_their_stream_with_gone()
    {
        await CreateSpaceAsync();
        var beta = await CreateSpaceAsync("beta", "Beta", 2);
        var olly = await NewMemberAsync("Olly");
        var ada = await NewMemberAsync("Ada", Roles.Admin, Roles.Moderator);
        using var created = await SubmitFormAsync(ada, "/admin/groups", new Dictionary<string, string> { ["Input.Name"] = "Beta programme", ["Input.Description"] = "Customers trying what is next." });
        using (await SubmitFormAsync(ada, $"/admin/spaces/{beta.Id}/access", new Dictionary<string, string> { ["GroupIds"] = created.Headers.Location!.OriginalString.Split('/')[^1] }))
        {
        }

        var thread = await StartThreadAsync(olly, title: "Roadmap question");
        await using var stream = await LiveReader.OpenAsync(olly, $"/live/threads/{ThreadIdOf(thread)}?after={await OpeningPostIdAsync(thread)}");
        await stream.ExpectAsync("unread");

        using var moved = await SubmitFormAsync(ada, thread, new Dictionary<string, string> { ["Move.ToSpaceSlug"] = "beta" }, "form.move-form");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        await stream.ExpectAsync("gone");
        Assert.True(await stream.EndsWithinAsync(TimeSpan.FromSeconds(10)));
        Assert.DoesNotContain(stream.Seen, e => e.Name == "posts");
    }

    [Fact]
    public async Task The_unread_count_follows_the_members_notifications()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        await using var header = await LiveReader.OpenAsync(alice, "/live/notifications");
        Assert.Equal(0, (await header.ExpectAsync("unread")).Number("count"));

        using (await ReplyAsync(await NewMemberAsync("Bruno"), thread, "Have you tried the export menu?"))
        {
        }

        Assert.Equal(1, (await header.ExpectAsync("unread")).Number("count"));
    }

    [Fact]
    public async Task A_space_list_hears_how_many_threads_are_newer_than_its_own()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("ideas-elsewhere", "Elsewhere", 2);
        var alice = await NewMemberAsync("Alice");
        var first = await StartThreadAsync(alice);
        await using var list = await LiveReader.OpenAsync(alice, $"/live/spaces/questions?after={ThreadIdOf(first)}");

        var bruno = await NewMemberAsync("Bruno");
        await StartThreadAsync(bruno, "ideas-elsewhere", "Somewhere else", "Not in questions.");
        await StartThreadAsync(bruno, title: "Can I import contacts?");

        Assert.Equal(1, (await list.ExpectAsync("threads")).Number("count"));
        await StartThreadAsync(bruno, title: "Can I export contacts?");
        Assert.Equal(2, (await list.ExpectAsync("threads")).Number("count"));
    }

    [Fact]
    public async Task Streams_are_limited_per_member_and_per_instance_and_a_closed_one_frees_its_place()
    {
        var app = Fixture.AppWith("live-limits", new Dictionary<string, string?> { ["Live:MaxStreamsPerMember"] = "2", ["Live:MaxStreams"] = "3" });
        var streams = app.Services.GetRequiredService<LiveStreams>();
        var alice = await NewMemberAsync(NewVisitor(app), "Alice");
        var bruno = await NewMemberAsync(NewVisitor(app), "Bruno");
        var carla = await NewMemberAsync(NewVisitor(app), "Carla");

        var first = await LiveReader.OpenAsync(alice, "/live/notifications");
        await using var second = await LiveReader.OpenAsync(alice, "/live/notifications");
        using (var third = await LiveReader.OpenResponseAsync(alice, "/live/notifications"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.NotNull(third.Headers.RetryAfter);
        }

        await using var brunos = await LiveReader.OpenAsync(bruno, "/live/notifications");
        using (var overall = await LiveReader.OpenResponseAsync(carla, "/live/notifications"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, overall.StatusCode);
        }

        await first.DisposeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (streams.Count > 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(2, streams.Count);
        await using var carlas = await LiveReader.OpenAsync(carla, "/live/notifications");
    }

    [Fact]
    public async Task A_quiet_stream_sends_a_heartbeat_comment()
    {
        var app = Fixture.AppWith("live-heartbeat", new Dictionary<string, string?> { ["Live:Heartbeat"] = "00:00:01" });
        var alice = await NewMemberAsync(NewVisitor(app), "Alice");
        await using var stream = await LiveReader.OpenAsync(alice, "/live/notifications");

        var heartbeat = await stream.NextAsync(":", TimeSpan.FromSeconds(10));

        Assert.Equal("heartbeat", heartbeat?.Data);
    }

    [Fact]
    public async Task A_page_position_that_is_not_a_post_is_refused_plainly()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);

        foreach (var url in new[] { $"/live/threads/{ThreadIdOf(thread)}?after=-1", $"/live/threads/{ThreadIdOf(thread)}?after=abc", "/live/spaces/questions?after=-5" })
        {
            using var response = await LiveReader.OpenResponseAsync(alice, url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_stream_ends_cleanly_when_its_instance_stops()
    {
        await CreateSpaceAsync();
        var instance = new CommunityWebFactory(Fixture.ConnectionString, kestrel: false);
        Task? stopping = null;
        try
        {
            var alice = await NewMemberAsync(NewVisitor(instance), "Alice");
            await using var stream = await LiveReader.OpenAsync(alice, "/live/notifications");
            await stream.ExpectAsync("unread");

            stopping = Task.Run(async () => await instance.DisposeAsync());

            Assert.True(await stream.EndsWithinAsync(TimeSpan.FromSeconds(15)), "The stream was still open 15 s after the instance began to stop.");
            Assert.True(await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(20))) == stopping, "The instance took longer than 20 s to stop.");
        }
        finally
        {
            await (stopping ?? instance.DisposeAsync().AsTask());
        }
    }
}

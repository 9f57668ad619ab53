using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CommunityHub.Application.Moderation;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Spam;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Trust;

/// <summary>Akismet beside the local scorer, against a small real HTTP server on 127.0.0.1 that speaks Akismet's
/// comment-check protocol and records what it was sent: spam is held ("Akismet says spam"), ham is published,
/// "discard" is refused with a sentence, and a server that is down or slow leaves the local score to decide.</summary>
public sealed class AkismetTests(CommunityFixture fixture) : TrustTest(fixture)
{
    /// <summary>Answers "true" for a body with "viagra" (with the pro tip "discard" when it also says "discard-me"),
    /// "false" otherwise; "slow-please" waits five seconds first.</summary>
    private sealed class FakeAkismet : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;

        public FakeAkismet()
        {
            Endpoint = $"http://127.0.0.1:{FreePort()}";
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _serving = Task.Run(ServeAsync);
        }

        public string Endpoint { get; }

        public ConcurrentQueue<(string Path, Dictionary<string, string> Form)> Requests { get; } = new();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                // Each request on its own, so that a slow answer does not hold up the next one.
                _ = Task.Run(() => AnswerAsync(context));
            }
        }

        private async Task AnswerAsync(HttpListenerContext context)
        {
            try
            {
                using var reader = new StreamReader(context.Request.InputStream);
                var form = (await reader.ReadToEndAsync()).Split('&', StringSplitOptions.RemoveEmptyEntries)
                    .Select(pair => pair.Split('=', 2))
                    .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.ElementAtOrDefault(1) ?? string.Empty), StringComparer.Ordinal);
                Requests.Enqueue((context.Request.Url!.AbsolutePath, form));
                var body = form.GetValueOrDefault("comment_content") ?? string.Empty;
                if (body.Contains("slow-please", StringComparison.Ordinal))
                {
                    await Task.Delay(TimeSpan.FromSeconds(5));
                }

                var spam = body.Contains("viagra", StringComparison.OrdinalIgnoreCase);
                if (spam && body.Contains("discard-me", StringComparison.Ordinal))
                {
                    context.Response.AddHeader("X-akismet-pro-tip", "discard");
                }

                var answer = System.Text.Encoding.UTF8.GetBytes(form.GetValueOrDefault("api_key") == "test-key" ? (spam ? "true" : "false") : "invalid");
                context.Response.ContentType = "text/plain";
                await context.Response.OutputStream.WriteAsync(answer);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
            {
                // The test is over (or the client gave up waiting): nobody is listening for this answer any more.
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _serving;
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private void UseAkismet(string endpoint)
    {
        Fixture.Configuration["Spam:Akismet:ApiKey"] = "test-key";
        Fixture.Configuration["Spam:Akismet:Endpoint"] = endpoint;
        Fixture.Configuration["Spam:Akismet:Blog"] = "https://community.example/";
        Fixture.Configuration["Spam:Akismet:Timeout"] = "00:00:01";
    }

    /// <summary>Nina, at the Member level (her posts are not held for being among her first), in Alice's thread.</summary>
    private async Task<(Moderation.ModerationTest.Conversation Thread, Guid Nina)> NinaInAThreadAsync()
    {
        var c = await AConversationAsync();
        var nina = await RunAsNewAsync("Nina");
        await RunAsNewAsync("Mona", Roles.Moderator);
        await SendAsync(new LockTrustLevel.Command { MemberId = nina, Level = Domain.Trust.TrustLevel.Member });
        RunAs(nina);
        ShippedTrustRules();
        return (c, nina);
    }

    private Task<bool> HeldAsync(long postId) => QueryAsync(db => db.Posts.Where(p => p.Id == postId).Select(p => p.AwaitingApproval).SingleAsync());

    [Fact]
    public async Task Spam_is_held_with_akismets_reason_ham_is_published_and_discard_is_refused()
    {
        try
        {
            await using var akismet = new FakeAkismet();
            var (c, _) = await NinaInAThreadAsync();
            UseAkismet(akismet.Endpoint);

            var ham = await SendAsync(Reply(c.Thread, "The export button is under Reports, top right."));
            var spam = await SendAsync(Reply(c.Thread, "Cheap viagra, best prices"));
            var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(Reply(c.Thread, "Cheap viagra discard-me")));

            Assert.False(await HeldAsync(ham.PostId));
            Assert.True(await HeldAsync(spam.PostId));
            Assert.Contains(AkismetSpamCheck.SaysSpam, await QueryAsync(db => db.Posts.Where(p => p.Id == spam.PostId).Select(p => p.ApprovalNote).SingleAsync()), StringComparison.Ordinal);
            Assert.Contains("spam", refused.Message, StringComparison.Ordinal);
            Assert.False(await QueryAsync(db => db.Posts.AnyAsync(p => p.Body.Contains("discard-me"))));

            var sent = akismet.Requests.ToList();
            Assert.Equal(3, sent.Count);
            Assert.All(sent, r => Assert.Equal("/1.1/comment-check", r.Path));
            var first = sent[0].Form;
            Assert.Equal(
                ("test-key", "https://community.example/", "forum-post", "Nina", "The export button is under Reports, top right."),
                (first["api_key"], first["blog"], first["comment_type"], first["comment_author"], first["comment_content"]));
            Assert.StartsWith("nina.", first["comment_author_email"], StringComparison.Ordinal);
            Assert.True(first.ContainsKey("user_ip") && first.ContainsKey("user_agent"));
        }
        finally
        {
            Fixture.Configuration["Spam:Akismet:ApiKey"] = string.Empty;
        }
    }

    [Fact]
    public async Task When_akismet_is_down_or_slow_the_local_score_decides_and_no_post_is_lost()
    {
        try
        {
            var (c, _) = await NinaInAThreadAsync();
            UseAkismet($"http://127.0.0.1:{FreePort()}");
            var down = await SendAsync(Reply(c.Thread, "Cheap viagra while Akismet is down"));
            Assert.False(await HeldAsync(down.PostId));

            await using var akismet = new FakeAkismet();
            UseAkismet(akismet.Endpoint);
            var slow = await SendAsync(Reply(c.Thread, "Cheap viagra slow-please"));
            Assert.False(await HeldAsync(slow.PostId));
            Assert.Single(akismet.Requests);

            Fixture.Configuration["Spam:Akismet:ApiKey"] = "wrong-key";
            var confused = await SendAsync(Reply(c.Thread, "Cheap viagra with a wrong key"));
            Assert.False(await HeldAsync(confused.PostId));
        }
        finally
        {
            Fixture.Configuration["Spam:Akismet:ApiKey"] = string.Empty;
        }
    }

    [Fact]
    public async Task Akismet_is_off_by_default_and_nothing_is_sent()
    {
        await using var akismet = new FakeAkismet();
        var (c, _) = await NinaInAThreadAsync();
        Fixture.Configuration["Spam:Akismet:Endpoint"] = akismet.Endpoint;

        var post = await SendAsync(Reply(c.Thread, "Cheap viagra, best prices"));

        Assert.False(await HeldAsync(post.PostId));
        Assert.Empty(akismet.Requests);
    }
}

using System.Net;
using CommunityHub.Domain.Members;
using CommunityHub.Testing;
using CommunityHub.Web.Tests.Hostile;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>Trust levels, the approval queue and the filter over HTTP, on an app with the shipped trust rules.</summary>
public sealed class TrustPageTests(WebFixture fixture) : WebTest(fixture)
{
    private CommunityWebFactory Shipped => Fixture.AppWith("shipped-trust", TrustSettings.Defaults);

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

    /// <summary>Alice asks (locked at Member, so published); Nina, New, replies: the reply waits.</summary>
    private async Task<(string Thread, long Held, Guid Nina)> AHeldReplyAsync()
    {
        await CreateSpaceAsync();
        var alice = await PersonAsync("Alice");
        await DbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE members SET trust_locked_at = 'Member'"));
        var thread = await StartThreadAsync(alice);
        var nina = await PersonAsync("Nina");
        using var reply = await ReplyAsync(nina, thread, "My first reply, waiting for a moderator.");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var held = await DbAsync(db => db.Posts.Where(p => p.AwaitingApproval).Select(p => p.Id).SingleAsync());
        var ninaId = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Nina").Select(m => m.Id).SingleAsync());
        return (thread, held, ninaId);
    }

    [Fact]
    public async Task A_held_reply_is_marked_for_its_author_absent_for_others_and_in_the_moderators_queue_with_its_reasons()
    {
        var (thread, held, _) = await AHeldReplyAsync();
        var nina = await PersonAsync("Nina 2");
        var own = await HtmlAsync(await SignInAsync("Nina"), thread);
        var other = await HtmlAsync(nina, thread);
        var visitor = await HtmlAsync(NewVisitor(Shipped), thread);
        var morgan = await PersonAsync("Morgan", Roles.Moderator);
        var queue = await HtmlAsync(morgan, "/moderation/approval");
        var filter = await HtmlAsync(await PersonAsync("Ada", Roles.Admin), "/admin/filter");

        Assert.Contains("Awaiting approval", own, StringComparison.Ordinal);
        Assert.DoesNotContain("waiting for a moderator", other, StringComparison.Ordinal);
        Assert.DoesNotContain("waiting for a moderator", visitor, StringComparison.Ordinal);
        Assert.Contains("waiting for a moderator", queue, StringComparison.Ordinal);
        Assert.Contains("first 2 posts", queue, StringComparison.Ordinal);
        Assert.Contains($"pending-{held}", queue, StringComparison.Ordinal);

        var findings = await HtmlConformanceTests.CheckAsync(new Dictionary<string, string>
        {
            ["thread-with-held-reply-author"] = own,
            ["approval-queue"] = queue,
            ["approval-queue-empty"] = await EmptyQueueAsync(morgan, held),
            ["admin-filter"] = filter,
            ["member-trust"] = await HtmlAsync(morgan, $"/moderation/members/{await DbAsync(db => db.Members.Where(m => m.DisplayName == "Nina").Select(m => m.Id).SingleAsync())}"),
        });
        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));
    }

    private static async Task<string> EmptyQueueAsync(HttpClient moderator, long held)
    {
        using var approved = await SubmitFormAsync(moderator, "/moderation/approval", new Dictionary<string, string>(), $"#pending-{held} form", formAction: "/moderation/approval?handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        return await HtmlAsync(moderator, "/moderation/approval");
    }

    [Fact]
    public async Task Forged_approve_reject_trust_lock_and_filter_posts_by_each_lower_role_are_refused()
    {
        var (thread, held, nina) = await AHeldReplyAsync();
        foreach (var role in new[] { Roles.Member, Roles.Staff, Roles.Executive })
        {
            var someone = await PersonAsync("Someone " + role, role == Roles.Member ? [] : [role]);
            var token = FormValues((await GetPageAsync(someone, thread)).QuerySelector("#reply-form form") as AngleSharp.Html.Dom.IHtmlFormElement ?? throw new InvalidOperationException("No reply form."))["__RequestVerificationToken"];
            using var approve = await PostAsync(someone, "/moderation/approval?handler=Approve", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.PostId"] = held.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            using var reject = await PostAsync(someone, "/moderation/approval?handler=Reject", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.PostId"] = held.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Reason"] = "No" });
            using var lockTrust = await PostAsync(someone, $"/moderation/members/{nina}?handler=trust", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["TrustLock.Level"] = "Leader" });
            Assert.All([approve, reject, lockTrust], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        }

        var morgan = await PersonAsync("Morgan", Roles.Moderator);
        var moderatorToken = FormValues((await GetPageAsync(morgan, thread)).QuerySelector("#reply-form form") as AngleSharp.Html.Dom.IHtmlFormElement ?? throw new InvalidOperationException("No reply form."))["__RequestVerificationToken"];
        using var word = await PostAsync(morgan, "/admin/filter?handler=Word", new Dictionary<string, string> { ["__RequestVerificationToken"] = moderatorToken, ["Word.Pattern"] = "export", ["Word.Action"] = "Block" });
        Assert.NotEqual("/admin/filter", word.Headers.Location?.OriginalString);

        Assert.True(await DbAsync(db => db.Posts.Where(p => p.Id == held).Select(p => p.AwaitingApproval).SingleAsync()));
        Assert.Null(await DbAsync(db => db.Members.Where(m => m.Id == nina).Select(m => m.TrustLockedAt).SingleAsync()));
        Assert.False(await DbAsync(db => db.WatchedWords.AnyAsync()));
    }

    [Fact]
    public async Task Spam_samples_and_naughty_strings_are_filtered_with_a_reason_or_pass_never_a_server_error()
    {
        await CreateSpaceAsync();
        var alice = await PersonAsync("Alice");
        await DbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE members SET trust_locked_at = 'Regular'"));
        var threads = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            threads.Add(await StartThreadAsync(alice, title: $"Question {i}"));
        }

        var spammer = await PersonAsync("Spammer");
        var farm = string.Join(" ", Enumerable.Range(1, 12).Select(i => $"https://farm-{i}.example/buy"));
        using (var refused = await ReplyAsync(spammer, threads[0], farm))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("at most 2 links", (await ParseAsync(refused)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        }

        foreach (var thread in threads)
        {
            using var posted = await ReplyAsync(spammer, thread, "Replica watches at half price, message me.");
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        var spam = await DbAsync(db => db.Posts.Where(p => p.Body.StartsWith("Replica")).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(10, spam.Count);
        Assert.All(spam, p => Assert.True(p.AwaitingApproval));
        Assert.Contains("the same text posted in", spam[^1].ApprovalNote, StringComparison.Ordinal);

        var naughty = await PersonAsync("Naughty");
        var statuses = new Dictionary<HttpStatusCode, int>();
        foreach (var body in HostileCorpus.Naughty.Take(200))
        {
            using var posted = await ReplyAsync(naughty, threads[1], body);
            statuses[posted.StatusCode] = statuses.GetValueOrDefault(posted.StatusCode) + 1;
            Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{posted.StatusCode} for {body}");
        }

        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.Redirect) > 100, string.Join(", ", statuses));
    }

    private async Task<HttpClient> SignInAsync(string displayName)
    {
        var client = NewVisitor(Shipped);
        using var response = await SubmitFormAsync(client, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = EmailOf(displayName), ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

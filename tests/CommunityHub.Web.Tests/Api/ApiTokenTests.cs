using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Api;

/// <summary>Personal and service tokens: made on their pages, shown once, stored as a hash only, bounded by the member's
/// roles, revoked and expired for good; the API takes only tokens and the pages never do.</summary>
public sealed class ApiTokenTests(WebFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_token_is_shown_once_stored_only_as_its_hash_and_works_on_the_api()
    {
        var alice = await NewMemberAsync("Alice");
        var secret = await MakeTokenAsync(alice, "Export script");

        Assert.Matches("^chub_[A-Za-z0-9_-]{43}$", secret);
        var stored = await DbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored.Hash);
        var row = await DbAsync(db => db.Database.SqlQueryRaw<string>("SELECT row_to_json(t)::text AS \"Value\" FROM api_tokens t").SingleAsync());
        Assert.DoesNotContain(secret[5..], row, StringComparison.Ordinal);

        // Shown once: the next visit lists the token by name, without its secret.
        var again = await GetPageAsync(alice, "/account/tokens");
        Assert.Null(again.QuerySelector("#new-token"));
        Assert.DoesNotContain(secret, again.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Export script", again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Never used", again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var spaces = await Api(secret).GetAsync("/api/v1/spaces");
        Assert.Equal(HttpStatusCode.OK, spaces.StatusCode);
        Assert.NotNull(await DbAsync(db => db.ApiTokens.Select(t => t.LastUsedAt).SingleAsync()));
        Assert.Contains("Last used", (await GetPageAsync(alice, "/account/tokens")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_use_is_written_at_most_once_a_minute()
    {
        var alice = await NewMemberAsync("Alice");
        var api = Api(await MakeTokenAsync(alice));
        using (await api.GetAsync("/api/v1/spaces"))
        {
        }

        var first = await DbAsync(db => db.ApiTokens.Select(t => t.LastUsedAt).SingleAsync());
        for (var i = 0; i < 3; i++)
        {
            using var again = await api.GetAsync("/api/v1/spaces");
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Equal(first, await DbAsync(db => db.ApiTokens.Select(t => t.LastUsedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_revoked_token_is_refused_with_a_401_problem_and_www_authenticate()
    {
        var alice = await NewMemberAsync("Alice");
        var secret = await MakeTokenAsync(alice);
        using (var revoked = await SubmitFormAsync(alice, "/account/tokens", new Dictionary<string, string>(), "form[action*='handler=revoke']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        using var response = await Api(secret).GetAsync("/api/v1/spaces");
        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("This token was revoked.", problem.GetProperty("detail").GetString());
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("Revoked", (await GetPageAsync(alice, "/account/tokens")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var alice = await NewMemberAsync("Alice");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var made = await PostTokenFormAsync(alice, "/account/tokens", "Short-lived", ["read"], new Dictionary<string, string> { ["Input.ExpiresOn"] = tomorrow });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var secret = (await GetPageAsync(alice, "/account/tokens")).QuerySelector<IHtmlInputElement>("#new-token")!.Value;
        Assert.NotNull(await DbAsync(db => db.ApiTokens.Select(t => t.ExpiresAt).SingleAsync()));
        using (var works = await Api(secret).GetAsync("/api/v1/spaces"))
        {
            Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        }

        // The expiry passes (moved into the past rather than waiting a day).
        await DbAsync(db => db.ApiTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var problem = await ProblemAsync(await Api(secret).GetAsync("/api/v1/spaces"), HttpStatusCode.Unauthorized);
        Assert.Equal("This token has expired.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("chub_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    [InlineData("chub_")]
    public async Task A_forged_or_garbled_token_is_refused(string forged)
    {
        var alice = await NewMemberAsync("Alice");
        var real = await MakeTokenAsync(alice);
        var problem = await ProblemAsync(await Api(forged).GetAsync("/api/v1/spaces"), HttpStatusCode.Unauthorized);
        Assert.Equal("This is not a token of this community.", problem.GetProperty("detail").GetString());
        // One character changed in a real one is as unknown.
        var tampered = real[..^1] + (real[^1] == 'A' ? 'B' : 'A');
        await ProblemAsync(await Api(tampered).GetAsync("/api/v1/spaces"), HttpStatusCode.Unauthorized);
        using var basic = NewVisitor();
        basic.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("alice:pw"u8.ToArray()));
        await ProblemAsync(await basic.GetAsync("/api/v1/spaces"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_sign_in_cookie_does_not_work_on_the_api()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        using var read = await alice.GetAsync("/api/v1/spaces");
        var problem = await ProblemAsync(read, HttpStatusCode.Unauthorized);
        Assert.Contains("cookie does not work", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Bearer", read.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        using var post = await alice.PostAsync("/api/v1/spaces/questions/threads", Json("""{"title":"Cookie thread","body":"Should not exist"}"""));
        await ProblemAsync(post, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await DbAsync(db => db.Threads.CountAsync()));
    }

    [Fact]
    public async Task A_token_does_not_work_on_the_pages()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var api = Api(await MakeTokenAsync(alice));

        using var account = await api.GetAsync("/account/tokens");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.Contains("/account/sign-in", account.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var home = await ParseAsync(await api.GetAsync("/"));
        Assert.DoesNotContain("Signed in as", home.Body!.TextContent, StringComparison.Ordinal);
        using var newThread = await api.GetAsync("/s/questions/new");
        Assert.Equal(HttpStatusCode.Redirect, newThread.StatusCode);
    }

    [Fact]
    public async Task A_token_cannot_carry_a_scope_its_members_roles_do_not_give()
    {
        var alice = await NewMemberAsync("Alice");
        var form = await GetPageAsync(alice, "/account/tokens");
        Assert.Equal(["read", "write"], form.QuerySelectorAll("input[name='Input.Scopes']").Select(i => i.GetAttribute("value")!).ToArray());

        foreach (var scope in new[] { "moderate", "admin" })
        {
            using var forged = await PostTokenFormAsync(alice, "/account/tokens", "Too much", ["read", scope]);
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.Contains("roles do not give", (await ParseAsync(forged)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        }

        using var nothing = await PostTokenFormAsync(alice, "/account/tokens", "", []);
        var errors = (await ParseAsync(nothing)).QuerySelector("main")!.TextContent;
        Assert.Contains("Give the token a name", errors, StringComparison.Ordinal);
        Assert.Contains("Choose at least one scope", errors, StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(db => db.ApiTokens.CountAsync()));

        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);
        Assert.Equal(["read", "write", "moderate"], (await GetPageAsync(morgan, "/account/tokens")).QuerySelectorAll("input[name='Input.Scopes']").Select(i => i.GetAttribute("value")!).ToArray());
        await MakeTokenAsync(morgan, "Mod bot", "read", "moderate");
        Assert.Equal(1, await DbAsync(db => db.ApiTokens.CountAsync()));
    }

    [Fact]
    public async Task A_member_cannot_revoke_someone_elses_token()
    {
        var alice = await NewMemberAsync("Alice");
        var secret = await MakeTokenAsync(alice);
        var tokenId = await DbAsync(db => db.ApiTokens.Select(t => t.Id).SingleAsync());
        var mallory = await NewMemberAsync("Mallory");
        await MakeTokenAsync(mallory, "Mine");

        // Mallory's own revoke form, pointed at Alice's token.
        using var forged = await SubmitFormAsync(mallory, "/account/tokens", new Dictionary<string, string> { ["tokenId"] = tokenId.ToString() }, "form[action*='handler=revoke']");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Null(await DbAsync(db => db.ApiTokens.Where(t => t.Id == tokenId).Select(t => t.RevokedAt).SingleAsync()));
        using var stillWorks = await Api(secret).GetAsync("/api/v1/spaces");
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
        Assert.DoesNotContain("Script", (await GetPageAsync(mallory, "/account/tokens")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_makes_a_service_token_that_posts_as_a_bot_shown_as_a_bot()
    {
        await CreateSpaceAsync();
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        using var made = await PostTokenFormAsync(ada, "/admin/tokens", "Release notes", ["read", "write"], new Dictionary<string, string> { ["Input.BotName"] = "Release Bot" });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var page = await GetPageAsync(ada, "/admin/tokens");
        var secret = page.QuerySelector<IHtmlInputElement>("#new-token")!.Value;
        Assert.Contains("Release Bot", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var (_, url) = await StartThreadThroughApiAsync(Api(secret), title: "Version 2.1 is out", body: "Release notes follow.");
        var threadPage = new Uri(url).AbsolutePath.Replace("/api/v1/spaces/", "/s/", StringComparison.Ordinal).Replace("/threads/", "/t/", StringComparison.Ordinal);
        var thread = await GetPageAsync(NewVisitor(), threadPage);
        Assert.Contains("Release Bot", thread.QuerySelector(".post__author")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bot", thread.QuerySelector(".member-badge")!.TextContent.Trim());
        var handle = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Release Bot").Select(m => m.Handle).SingleAsync());
        Assert.Equal("Bot", (await GetPageAsync(NewVisitor(), $"/members/{handle}")).QuerySelector(".member-badge")!.TextContent.Trim());
    }

    [Fact]
    public async Task Only_admins_reach_the_service_tokens_page_and_its_forms()
    {
        using (var admin = await NewMemberAsync("Ada", Roles.Admin))
        {
            Assert.NotNull((await GetPageAsync(admin, "/admin/tokens")).QuerySelector("#Input_BotName"));
        }

        foreach (var role in new[] { Roles.Member, Roles.Moderator, Roles.Staff })
        {
            var lower = role == Roles.Member ? await NewMemberAsync($"Lower {role}") : await NewMemberAsync($"Lower {role}", role);
            using var page = await lower.GetAsync("/admin/tokens");
            Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
            var theirs = FormValues((await GetPageAsync(lower, "/account/tokens")).QuerySelector<IHtmlFormElement>("main form")!);
            theirs["Input.BotName"] = "Sneaky Bot";
            theirs["Input.Name"] = "Sneaky";
            theirs["Input.Scopes"] = "read";
            using var forged = await PostAsync(lower, "/admin/tokens", theirs);
            // Refused: the access-denied page, never the service tokens page.
            Assert.True(forged.StatusCode == HttpStatusCode.Forbidden || forged.Headers.Location?.OriginalString.Contains("/error/403", StringComparison.Ordinal) == true, $"{role}: {forged.StatusCode} {forged.Headers.Location}");
        }

        Assert.Equal(0, await DbAsync(db => db.ApiTokens.CountAsync()));
        Assert.Equal(0, await DbAsync(db => db.Members.CountAsync(m => m.DisplayName == "Sneaky Bot")));
    }
}

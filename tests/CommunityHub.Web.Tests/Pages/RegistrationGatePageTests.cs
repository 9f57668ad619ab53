using System.Net;
using AngleSharp.Dom;
using CommunityHub.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Pages;

/// <summary>The door over HTTP: the registration form's bot gates, the domain allow list, invite-only mode and the
/// admins' invite links; members-only spaces and private feeds; and every forbidden path to them.</summary>
public sealed class RegistrationGatePageTests(WebFixture fixture) : WebTest(fixture)
{
    private static Dictionary<string, string> Person(string name) => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = EmailOf(name),
        ["Input.Password"] = Password,
    };

    private Task<int> AccountsAsync(string name) => DbAsync(db => db.Users.CountAsync(u => u.Email == EmailOf(name)));

    private static async Task<string> RefusalOnAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ParseAsync(response)).QuerySelector(".form-errors")!.TextContent;
    }

    [Fact]
    public async Task A_bot_filling_the_honeypot_gets_a_calm_refusal_and_no_account()
    {
        using var response = await SubmitFormAsync(NewVisitor(), "/account/register", Person("Bot"), extra: new Dictionary<string, string> { ["Website"] = "http://cheap-pills.example" });

        Assert.Contains("We could not take that registration", await RefusalOnAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await AccountsAsync("Bot"));
    }

    [Fact]
    public async Task A_form_sent_back_too_fast_or_with_a_forged_time_stamp_makes_no_account()
    {
        var patient = Fixture.AppWith("registration-patience", new Dictionary<string, string?> { ["Registration:MinimumFillSeconds"] = "30" });

        using (var fast = await SubmitFormAsync(NewVisitor(patient), "/account/register", Person("Speedy")))
        {
            Assert.Contains("We could not take that registration", await RefusalOnAsync(fast), StringComparison.Ordinal);
        }

        using (var forged = await SubmitFormAsync(NewVisitor(), "/account/register", Person("Forger"), extra: new Dictionary<string, string> { ["FormShownAt"] = "0" }))
        {
            Assert.Contains("We could not take that registration", await RefusalOnAsync(forged), StringComparison.Ordinal);
        }

        Assert.Equal(0, await AccountsAsync("Speedy") + await AccountsAsync("Forger"));
    }

    [Fact]
    public async Task An_address_outside_the_allowed_domains_is_refused_with_a_message_naming_the_rule()
    {
        var customersOnly = Fixture.AppWith("customers-only", new Dictionary<string, string?> { ["Registration:AllowedEmailDomains:0"] = "customer.example" });

        using var response = await SubmitFormAsync(NewVisitor(customersOnly), "/account/register", Person("Outsider"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains("open to addresses at customer.example only", page.QuerySelector("#Input_Email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await AccountsAsync("Outsider"));
    }

    [Fact]
    public async Task In_invite_only_mode_the_form_is_offered_only_through_a_usable_link_made_by_an_admin()
    {
        var invitesOnly = Fixture.AppWith("invite-only", new Dictionary<string, string?> { ["Registration:InviteOnly"] = "true" });
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        using (var made = await SubmitFormAsync(ada, "/admin/invites", new Dictionary<string, string> { ["Input.Note"] = "Partners", ["Input.MaxUses"] = "1" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        }

        var link = (await GetPageAsync(ada, "/admin/invites")).QuerySelector("input.invite-url")!.GetAttribute("value")!;
        var path = new Uri(link).PathAndQuery;

        var closed = await GetPageAsync(NewVisitor(invitesOnly), "/account/register");
        Assert.Null(closed.QuerySelector("main form.form"));
        Assert.Contains("by invitation only", closed.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using (var forged = await PostAsync(NewVisitor(invitesOnly), "/account/register", Person("Sneaky")))
        {
            // No form, no antiforgery token: refused before anything is read.
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        var invited = NewVisitor(invitesOnly);
        using (var joined = await SubmitFormAsync(invited, path, Person("Invited")))
        {
            Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        }

        var usedUp = await GetPageAsync(NewVisitor(invitesOnly), path);
        Assert.Null(usedUp.QuerySelector("main form.form"));
        Assert.Contains("used as many times as it allows", usedUp.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((1, 0), (await AccountsAsync("Invited"), await AccountsAsync("Sneaky")));
        Assert.Contains("Used 1 of 1", (await GetPageAsync(ada, "/admin/invites")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_link_says_so_and_a_forged_code_is_not_ours()
    {
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        using (var made = await SubmitFormAsync(ada, "/admin/invites", new Dictionary<string, string> { ["Input.Note"] = "Beta" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        }

        var code = await DbAsync(db => db.Invites.Select(i => i.Code).SingleAsync());
        using (var withdrawn = await SubmitFormAsync(ada, "/admin/invites", new Dictionary<string, string>(), "form[action*='handler=revoke']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        Assert.Contains("withdrawn", (await GetPageAsync(NewVisitor(), $"/account/register?invite={code}")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not one of ours", (await GetPageAsync(NewVisitor(), "/account/register?invite=forged")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await DbAsync(db => db.ModerationLog.CountAsync(e => e.Action == Domain.Moderation.ModerationAction.RevokeInvite)));
    }

    [Fact]
    public async Task Forged_invite_and_space_access_posts_by_each_lower_role_are_refused()
    {
        var space = await CreateSpaceAsync();
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        using (var made = await SubmitFormAsync(ada, "/admin/invites", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        }

        var inviteId = await DbAsync(db => db.Invites.Select(i => i.Id).SingleAsync());
        var token = FormValues((await GetPageAsync(ada, "/admin/invites")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!)["__RequestVerificationToken"];
        foreach (var role in new[] { Roles.Member, Roles.Moderator, Roles.Staff, Roles.Executive })
        {
            var lower = role == Roles.Member ? await NewMemberAsync($"Lower {role}") : await NewMemberAsync($"Lower {role}", role);
            // A real form of theirs gives a valid antiforgery token to forge the admin's post with.
            var theirs = FormValues((await GetPageAsync(lower, "/account/feeds")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!);
            foreach (var (url, fields) in new (string, Dictionary<string, string>)[]
            {
                ("/admin/invites", new() { ["Input.MaxUses"] = "100" }),
                ("/admin/invites?handler=revoke", new() { ["inviteId"] = inviteId.ToString() }),
                ($"/admin/spaces/{space.Id}/access", new() { ["Audience"] = "Members" }),
                ("/admin/groups", new() { ["Input.Name"] = "Forged" }),
            })
            {
                fields["__RequestVerificationToken"] = theirs["__RequestVerificationToken"];
                using var forged = await PostAsync(lower, url, fields);
                Assert.True(forged.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && forged.Headers.Location?.OriginalString.Contains("403", StringComparison.Ordinal) != false,
                    $"{role} posting to {url} answered {forged.StatusCode} {forged.Headers.Location}");
            }
        }

        using (var anonymous = await PostAsync(NewVisitor(), "/admin/invites", new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
        {
            Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        }

        Assert.Equal(1, await DbAsync(db => db.Invites.CountAsync()));
        Assert.Null(await DbAsync(db => db.Invites.Select(i => i.RevokedAt).SingleAsync()));
        Assert.False(await DbAsync(db => db.Spaces.Where(s => s.Id == space.Id).Select(s => s.MembersOnly).SingleAsync()));
        Assert.Equal(0, await DbAsync(db => db.Groups.CountAsync()));
    }

    [Fact]
    public async Task A_members_only_space_is_absent_for_a_visitor_everywhere_and_present_for_a_member()
    {
        await CreateSpaceAsync();
        var customers = await CreateSpaceAsync("customers", "Customers", 2);
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        using (var restricted = await SubmitFormAsync(ada, $"/admin/spaces/{customers.Id}/access", new Dictionary<string, string> { ["Audience"] = "Members" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);
        }

        var bea = await NewMemberAsync("Bea");
        var thread = await StartThreadAsync(bea, "customers", "Wombat pricing", "The wombat plan costs less for customers.");
        var visitor = NewVisitor();
        foreach (var url in new[] { thread, "/s/customers", "/s/customers/feed.atom", "/s/customers/feed.rss", $"{thread}/feed.atom" })
        {
            using var response = await visitor.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {response.StatusCode}");
        }

        Assert.Null((await GetPageAsync(visitor, "/")).QuerySelector("a[href='/s/customers']"));
        Assert.DoesNotContain("Wombat", (await GetPageAsync(visitor, "/search?q=wombat")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Wombat", (await GetPageAsync(visitor, "/members/bea")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using (var feed = await visitor.GetAsync("/feed.atom"))
        {
            Assert.DoesNotContain("wombat", await feed.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        var olly = await NewMemberAsync("Olly");
        Assert.Contains("Private · signed-in members", (await GetPageAsync(olly, "/")).QuerySelector("a[href='/s/customers']")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Wombat pricing", (await GetPageAsync(olly, thread)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Wombat", (await GetPageAsync(olly, "/search?q=wombat")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty((await GetPageAsync(olly, "/s/customers")).QuerySelectorAll("link[rel=alternate]"));
        Assert.Empty((await GetPageAsync(olly, thread)).QuerySelectorAll("link[rel=alternate]"));
    }

    [Fact]
    public async Task A_private_feed_shows_its_members_view_and_a_revoked_key_is_a_404()
    {
        await CreateSpaceAsync();
        var customers = await CreateSpaceAsync("customers", "Customers", 2);
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        using (var restricted = await SubmitFormAsync(ada, $"/admin/spaces/{customers.Id}/access", new Dictionary<string, string> { ["Audience"] = "Members" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);
        }

        var bea = await NewMemberAsync("Bea");
        await StartThreadAsync(bea, "customers", "Wombat pricing", "The wombat plan.");
        var olly = await NewMemberAsync("Olly");
        Assert.Null((await GetPageAsync(olly, "/account/feeds")).QuerySelector("#feed-atom"));
        using (var made = await SubmitFormAsync(olly, "/account/feeds", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        }

        var feedUrl = new Uri((await GetPageAsync(olly, "/account/feeds")).QuerySelector("#feed-atom")!.GetAttribute("value")!).PathAndQuery;
        var reader = NewVisitor();
        using (var feed = await reader.GetAsync(feedUrl))
        {
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            Assert.Contains("Wombat pricing", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("no-store", feed.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }

        // Another member's page shows their own key, never Olly's.
        using (await SubmitFormAsync(bea, "/account/feeds", new Dictionary<string, string>()))
        {
        }

        var key = feedUrl.Split("key=")[1];
        Assert.DoesNotContain(key, (await GetPageAsync(bea, "/account/feeds")).Body!.InnerHtml, StringComparison.Ordinal);

        using (var renewed = await SubmitFormAsync(olly, "/account/feeds", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        }

        foreach (var url in new[] { feedUrl, $"/s/customers/feed.rss?key={key}", "/feed.atom?key=forged" })
        {
            using var revoked = await reader.GetAsync(url);
            Assert.True(revoked.StatusCode == HttpStatusCode.NotFound, $"{url} answered {revoked.StatusCode}");
        }
    }
}

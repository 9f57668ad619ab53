using CommunityHub.Application.ApiTokens;
using CommunityHub.Application.Escalation;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Tests.Moderation;
using CommunityHub.Application.Webhooks;
using CommunityHub.Domain.ApiTokens;
using CommunityHub.Domain.Escalation;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Webhooks;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Administration;

/// <summary>Issue 17's integration settings in the audit log: the support desk connection, webhook endpoints and service
/// tokens, each change by the admin who made it, in words, and never with a secret, an authorization value or an address
/// whose path could be one.</summary>
public sealed class IntegrationAuditTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    /// <summary>A Slack incoming webhook's path is the secret that lets anyone post to the channel.</summary>
    private const string SlackUrl = "https://hooks.slack.com/services/T0001/B0002/Zq7SecretPathPart";

    private async Task<List<ModerationEntry>> EntriesAsync(params ModerationAction[] actions) =>
        (await AuditLogAsync()).Where(e => actions.Contains(e.Action)).ToList();

    private static void HoldsNone(IEnumerable<ModerationEntry> entries, params string[] secrets)
    {
        foreach (var entry in entries)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, entry.Detail ?? string.Empty, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, entry.Reason ?? string.Empty, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Adding_changing_and_deleting_a_webhook_endpoint_is_logged_by_name_and_host_never_its_secret_or_path()
    {
        var ada = await RunAsNewAsync("Ada", Roles.Admin);
        var id = await SendAsync(new AddWebhookEndpoint.Command { Name = "Welcome channel", Url = SlackUrl, Events = [WebhookEventTypes.MemberRegistered], Format = WebhookFormat.Slack });
        await SendAsync(new EditWebhookEndpoint.Command
        {
            EndpointId = id, Name = "Welcome channel", Url = "https://hooks.slack.com/services/T0001/B0003/OtherSecretPath",
            Events = [WebhookEventTypes.MemberRegistered, WebhookEventTypes.ThreadStarted], Format = WebhookFormat.Slack, Internal = true, Enabled = false,
        });
        var secret = await QueryAsync(db => db.WebhookEndpoints.Where(e => e.Id == id).Select(e => e.Secret).SingleAsync());
        await SendAsync(new DeleteWebhookEndpoint.Command(id));

        var entries = await EntriesAsync(ModerationAction.AddWebhook, ModerationAction.EditWebhook, ModerationAction.DeleteWebhook);
        Assert.Equal(
            [
                (ModerationAction.AddWebhook, "\u201cWelcome channel\u201d at hooks.slack.com: member.registered; Slack"),
                (ModerationAction.EditWebhook, "\u201cWelcome channel\u201d at hooks.slack.com: thread.started, member.registered; Slack; internal; off; new address"),
                (ModerationAction.DeleteWebhook, "\u201cWelcome channel\u201d at hooks.slack.com: thread.started, member.registered; Slack; internal; off"),
            ],
            entries.Select(e => (e.Action, e.Detail)));
        Assert.All(entries, e => Assert.Equal((ada, TestClock.Start), (e.ModeratorId, e.At)));
        HoldsNone(entries, secret, "Zq7SecretPathPart", "OtherSecretPath", "/services/");
    }

    [Fact]
    public async Task Connecting_the_support_desk_changing_it_and_replacing_its_secret_is_logged_without_the_authorization_or_the_secret()
    {
        var ada = await RunAsNewAsync("Ada", Roles.Admin);
        await SendAsync(new ConnectSupportDesk.Command { Url = "https://acme.zendesk.com/api/v2/tickets.json?key=QueryKey42", Format = DeskFormat.Zendesk, Authorization = "Basic c2VjcmV0OnBhc3N3b3Jk" });
        var first = await QueryAsync(db => db.SupportDesks.Select(d => d.SigningSecret).SingleAsync());
        await SendAsync(new ConnectSupportDesk.Command { Url = "https://acme.zendesk.com/api/v2/tickets.json?key=QueryKey42", Format = DeskFormat.Zendesk, Authorization = "Bearer NewBearerToken99" });
        await SendAsync(new ConnectSupportDesk.Command { Url = "https://desk.example.com/cases", Format = DeskFormat.Generic, ClearAuthorization = true });
        await SendAsync(new ReplaceDeskSecret.Command());
        var second = await QueryAsync(db => db.SupportDesks.Select(d => d.SigningSecret).SingleAsync());

        var entries = await EntriesAsync(ModerationAction.ConnectSupportDesk, ModerationAction.EditSupportDesk);
        Assert.Equal(
            [
                (ModerationAction.ConnectSupportDesk, "acme.zendesk.com, Zendesk; authorization set"),
                (ModerationAction.EditSupportDesk, "acme.zendesk.com, Zendesk; authorization replaced"),
                (ModerationAction.EditSupportDesk, "desk.example.com, Generic; new address; authorization removed"),
                (ModerationAction.EditSupportDesk, "desk.example.com, Generic; signing secret replaced"),
            ],
            entries.Select(e => (e.Action, e.Detail)));
        Assert.All(entries, e => Assert.Equal(ada, e.ModeratorId));
        HoldsNone(entries, first, second, "c2VjcmV0", "NewBearerToken99", "QueryKey42", "Basic", "Bearer");
    }

    [Fact]
    public async Task Making_and_revoking_a_service_token_is_logged_against_its_bot_without_the_secret()
    {
        var ada = await RunAsNewAsync("Ada", Roles.Admin);
        var made = await SendAsync(new CreateServiceToken.Command { BotName = "Release bot", Name = "CI pipeline", Scopes = ["read", "write"], ExpiresOn = new DateOnly(2030, 1, 31) });
        var bot = await QueryAsync(db => db.ApiTokens.Where(t => t.Id == made.Id).Select(t => t.MemberId).SingleAsync());
        await SendAsync(new RevokeApiToken.Command(made.Id));

        var entries = await EntriesAsync(ModerationAction.CreateServiceToken, ModerationAction.RevokeApiToken);
        const string Described = "service token \u201cCI pipeline\u201d (read, write), expires 2030-02-01 00:00 UTC";
        Assert.Equal(
            [(ModerationAction.CreateServiceToken, bot, Described), (ModerationAction.RevokeApiToken, bot, Described)],
            entries.Select(e => (e.Action, e.MemberId!.Value, e.Detail)));
        Assert.All(entries, e => Assert.Equal(ada, e.ModeratorId));
        HoldsNone(entries, made.Secret, ApiToken.SecretPrefix);

        // The audit page names the bot the entries concern.
        var page = await SendAsync(new GetAuditLog.Query(Action: ModerationAction.CreateServiceToken));
        Assert.Equal(("Ada", "Release bot"), (Assert.Single(page.Entries).ModeratorName, page.Entries[0].MemberName));
    }

    [Fact]
    public async Task A_member_making_and_revoking_their_own_token_is_not_logged_but_an_admin_revoking_it_is()
    {
        var ada = await RunAsNewAsync("Ada", Roles.Admin);
        var bruno = await RunAsNewAsync("Bruno");
        var own = await SendAsync(new CreateApiToken.Command { Name = "My script", Scopes = ["read"] });
        await SendAsync(new RevokeApiToken.Command(own.Id));
        var leaked = await SendAsync(new CreateApiToken.Command { Name = "Leaked one", Scopes = ["read"] });
        Assert.Empty(await EntriesAsync(ModerationAction.CreateServiceToken, ModerationAction.RevokeApiToken));

        RunAs(ada, Roles.Admin);
        await SendAsync(new RevokeApiToken.Command(leaked.Id));

        var entry = Assert.Single(await EntriesAsync(ModerationAction.RevokeApiToken));
        Assert.Equal((ada, (Guid?)bruno, "personal token \u201cLeaked one\u201d (read)"), (entry.ModeratorId, entry.MemberId, entry.Detail));
        HoldsNone([entry], leaked.Secret);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityHub.Domain.Webhooks;

namespace CommunityHub.Application.Webhooks;

/// <summary>The bodies receivers get. JSON: <c>{"id", "type", "occurred_at", "data"}</c>, with <c>data</c> built when
/// the event happened; Slack: an incoming-webhook message (<c>text</c> and one mrkdwn section block).</summary>
public static class WebhookPayloads
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
    };

    /// <summary>The <c>data</c> object, in the payload's naming.</summary>
    public static string Data(object data) => JsonSerializer.Serialize(data, Json);

    public static string Body(WebhookFormat format, Guid eventId, string eventName, DateTimeOffset occurredAt, string data, string summary) =>
        format == WebhookFormat.Slack
            ? Slack(summary)
            : new JsonObject
            {
                ["id"] = eventId,
                ["type"] = eventName,
                ["occurred_at"] = occurredAt.UtcDateTime,
                ["data"] = JsonNode.Parse(data),
            }.ToJsonString();

    /// <summary>Slack's incoming-webhook JSON: <c>text</c> is the notification's words, the block shows them as mrkdwn.</summary>
    public static string Slack(string summary) =>
        new JsonObject
        {
            ["text"] = summary,
            ["blocks"] = new JsonArray(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = summary },
            }),
        }.ToJsonString();

    /// <summary>A Slack link <c>&lt;url|words&gt;</c>, its words escaped the way Slack asks (&amp;, &lt;, &gt;).</summary>
    public static string SlackLink(string url, string words) => $"<{url}|{SlackEscape(words)}>";

    public static string SlackEscape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}

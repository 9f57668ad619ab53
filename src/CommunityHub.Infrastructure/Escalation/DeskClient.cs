using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityHub.Application.Escalation;
using CommunityHub.Domain.Escalation;

namespace CommunityHub.Infrastructure.Escalation;

/// <summary>Sends one case to the desk in its format and reads the case id (and address) it answers with.</summary>
public sealed class DeskClient(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "SupportDesk";

    /// <summary>The connection as the sender needs it.</summary>
    public sealed record Connection(Uri Url, DeskFormat Format, string? Authorization, string SigningSecret);

    public sealed record OpenedCase(string CaseId, string? CaseUrl);

    /// <param name="escalationId">Sent as the idempotency key, so a desk that saw an attempt can tell a repeat.</param>
    /// <exception cref="DeskException">The desk could not be reached, failed, or answered without a case.</exception>
    public async Task<OpenedCase> SendAsync(Connection desk, long escalationId, EscalationCase escalationCase, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(escalationCase);
        var (target, body) = desk.Format switch
        {
            DeskFormat.Zendesk => (new Uri(desk.Url, "/api/v2/tickets.json"), Zendesk(escalationCase)),
            DeskFormat.Salesforce => (new Uri(desk.Url, "/services/data/v60.0/sobjects/Case"), Salesforce(escalationCase)),
            _ => (desk.Url, escalationCase.ToJson()),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (desk.Authorization is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(DeskSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(DeskSignature.SignatureHeader, DeskSignature.Sign(desk.SigningSecret, timestamp, body));
        request.Headers.Add("Idempotency-Key", $"communityhub-escalation-{escalationId}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeskException($"The desk did not answer within {timeout.TotalSeconds:0.#} seconds.");
        }
        catch (HttpRequestException unreachable)
        {
            throw new DeskException($"Could not reach the desk: {unreachable.Message}");
        }

        using (response)
        {
            string answer;
            try
            {
                answer = await response.Content.ReadAsStringAsync(timer.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DeskException($"The desk did not answer within {timeout.TotalSeconds:0.#} seconds.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new DeskException($"The desk answered {(int)response.StatusCode} {Describe(response.StatusCode)}.");
            }

            return Read(desk, answer) ?? throw new DeskException("The desk's answer carried no case id.");
        }
    }

    private static string Describe(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "(check the authorization value)",
        HttpStatusCode.NotFound => "(check the desk's address)",
        _ => string.Empty,
    };

    private static OpenedCase? Read(Connection desk, string answer)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(answer);
        }
        catch (JsonException)
        {
            return null;
        }

        switch (desk.Format)
        {
            case DeskFormat.Zendesk:
                return Text(json?["ticket"]?["id"]) is { } ticket
                    ? new OpenedCase(ticket, new Uri(desk.Url, $"/agent/tickets/{Uri.EscapeDataString(ticket)}").ToString())
                    : null;
            case DeskFormat.Salesforce:
                return json?["success"]?.GetValueKind() != JsonValueKind.False && Text(json?["id"]) is { } id
                    ? new OpenedCase(id, new Uri(desk.Url, $"/lightning/r/Case/{Uri.EscapeDataString(id)}/view").ToString())
                    : null;
            default:
                if (Text(json?["caseId"]) is not { } caseId)
                {
                    return null;
                }

                // Only a web address is kept as the case's link (staff click it).
                var url = Text(json?["url"]);
                return new OpenedCase(caseId, Uri.TryCreate(url, UriKind.Absolute, out var link) && SupportDesk.IsDeskAddress(link) ? link.ToString() : null);
        }
    }

    private static string? Text(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        var text = value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) || text.Length > ThreadEscalation.CaseIdMaxLength ? null : text.Trim();
    }

    private static string Zendesk(EscalationCase escalation)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>Escalated from the community by {WebUtility.HtmlEncode(escalation.EscalatedBy)}: <a href=\"{WebUtility.HtmlEncode(escalation.ThreadUrl)}\">{WebUtility.HtmlEncode(escalation.Title)}</a></p>");
        if (escalation.Organisation is { } organisation)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Organisation: {WebUtility.HtmlEncode(organisation)}</p>");
        }

        foreach (var post in escalation.Conversation)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{WebUtility.HtmlEncode(post.Author)}{(post.StaffNote ? " (staff note, internal)" : string.Empty)}, {post.At:u}</h3>");
            html.Append(CultureInfo.InvariantCulture, $"<pre>{WebUtility.HtmlEncode(post.Body)}</pre>");
        }

        var requester = new JsonObject { ["name"] = escalation.Asker.Name };
        if (escalation.Asker.Email is { } email)
        {
            requester["email"] = email;
        }

        return new JsonObject
        {
            ["ticket"] = new JsonObject
            {
                ["subject"] = escalation.Title,
                ["comment"] = new JsonObject { ["html_body"] = html.ToString() },
                ["requester"] = requester,
                ["external_id"] = $"communityhub-thread-{escalation.ThreadId}",
                ["tags"] = new JsonArray("community", "escalated"),
            },
        }.ToJsonString();
    }

    private static string Salesforce(EscalationCase escalation)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Escalated from the community by {escalation.EscalatedBy}: {escalation.ThreadUrl}\n");
        if (escalation.Organisation is { } organisation)
        {
            text.Append(CultureInfo.InvariantCulture, $"Organisation: {organisation}\n");
        }

        foreach (var post in escalation.Conversation)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n--- {post.Author}{(post.StaffNote ? " (staff note, internal)" : string.Empty)}, {post.At:u}\n{post.Body}\n");
        }

        return new JsonObject
        {
            ["Subject"] = escalation.Title,
            // Salesforce's Description holds up to 32,000 characters.
            ["Description"] = text.Length > 32000 ? text.ToString(0, 32000) : text.ToString(),
            ["SuppliedName"] = escalation.Asker.Name,
            ["SuppliedEmail"] = escalation.Asker.Email,
            ["Origin"] = "Community",
        }.ToJsonString();
    }
}

/// <summary>Why one attempt to send a case failed, in words staff can act on.</summary>
public sealed class DeskException : Exception
{
    public DeskException() { }

    public DeskException(string message) : base(message) { }

    public DeskException(string message, Exception innerException) : base(message, innerException) { }
}

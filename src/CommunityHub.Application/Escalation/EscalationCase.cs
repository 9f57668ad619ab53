using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityHub.Application.Escalation;

/// <summary>What the desk is told about an escalated thread: the generic format's body as it is, and what the Zendesk
/// and Salesforce formats are made from. It is taken when the thread is escalated and stored with the escalation, so
/// every attempt sends the same case. The desk is internal to the company: staff notes go too, marked as such.</summary>
/// <param name="ThreadUrl">The thread's absolute address.</param>
/// <param name="Organisation">The asker's organisation, when the community knows it.</param>
public sealed record EscalationCase(
    long ThreadId,
    string ThreadUrl,
    string Title,
    CaseAsker Asker,
    string? Organisation,
    string EscalatedBy,
    IReadOnlyList<CasePost> Conversation)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EscalationCase FromJson(string json) =>
        JsonSerializer.Deserialize<EscalationCase>(json, Json) ?? throw new JsonException("An escalation's case is empty.");
}

/// <param name="Email">For the desk to reach the asker; null when the account has none on record.</param>
public sealed record CaseAsker(string Name, string? Email);

/// <param name="StaffNote">An internal note of the company's people, which members never see.</param>
/// <param name="Body">The post's text as written (Markdown).</param>
public sealed record CasePost(long PostId, string Author, bool StaffNote, DateTimeOffset At, string Body);

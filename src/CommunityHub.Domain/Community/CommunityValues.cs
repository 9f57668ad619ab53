using CommunityHub.Domain.Common;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Domain.Community;

/// <summary>The community's values page, written by an admin and readable by everyone. One row.</summary>
public sealed class CommunityValues : AggregateRoot
{
    public const int TheOnlyId = 1;
    public const int BodyMaxLength = 20_000;

    private CommunityValues(string body, string bodyHtml, Guid updatedById, DateTimeOffset updatedAt)
    {
        Body = body;
        BodyHtml = bodyHtml;
        UpdatedById = updatedById;
        UpdatedAt = updatedAt;
    }

    public int Id { get; private set; } = TheOnlyId;

    public string Body { get; private set; }

    public string BodyHtml { get; private set; }

    public Guid UpdatedById { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static CommunityValues Write(string body, string bodyHtml, Guid adminId, DateTimeOffset now)
    {
        var values = new CommunityValues(Check(body), bodyHtml, adminId, now);
        values.Record(new CommunityAdministered(adminId, ModerationAction.EditValues, null, null, null, now));
        return values;
    }

    public void Rewrite(string body, string bodyHtml, Guid adminId, DateTimeOffset now)
    {
        Body = Check(body);
        BodyHtml = bodyHtml;
        UpdatedById = adminId;
        UpdatedAt = now;
        Record(new CommunityAdministered(adminId, ModerationAction.EditValues, null, null, null, now));
    }

    private static string Check(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new DomainException("The values page cannot be empty.");
        }

        return body.Length <= BodyMaxLength ? body : throw new DomainException($"The values page cannot be longer than {BodyMaxLength} characters.");
    }
}

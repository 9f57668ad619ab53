namespace CommunityHub.Domain.Members;

/// <summary>A handle a member used before. It stays theirs: nobody else can take it, and /members/{old}
/// and old @mentions lead to the member under their new handle.</summary>
public sealed class FormerHandle(string handle, Guid memberId, DateTimeOffset retiredAt)
{
    public string Handle { get; private set; } = handle;

    public Guid MemberId { get; private set; } = memberId;

    public DateTimeOffset RetiredAt { get; private set; } = retiredAt;
}

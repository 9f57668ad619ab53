using CommunityHub.Application.Common.Abstractions;

namespace CommunityHub.Testing;

/// <summary>Who the test is acting as: set it, then send requests.</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    private HashSet<string> _roles = [];

    public Guid? MemberId { get; private set; }

    public bool IsInRole(string role) => MemberId is not null && _roles.Contains(role);

    public void ActAs(Guid memberId, params string[] roles)
    {
        MemberId = memberId;
        _roles = [.. roles];
    }

    public void ActAsAnonymous()
    {
        MemberId = null;
        _roles = [];
    }
}

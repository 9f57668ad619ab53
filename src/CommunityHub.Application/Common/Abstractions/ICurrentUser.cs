namespace CommunityHub.Application.Common.Abstractions;

/// <summary>Who is asking. The web layer reads it from the signed-in principal; tests set it.</summary>
public interface ICurrentUser
{
    /// <summary>The signed-in member, or null for an anonymous visitor.</summary>
    Guid? MemberId { get; }

    bool IsInRole(string role);
}

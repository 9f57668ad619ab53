using CommunityHub.Domain.Members;

namespace CommunityHub.Web.Members;

/// <summary>The badge partial's model: who speaks for the company, and their title.</summary>
public sealed record MemberBadgeModel(MemberBadge Badge, string? Title);

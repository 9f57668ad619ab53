using Microsoft.AspNetCore.Identity;

namespace CommunityHub.Infrastructure.Identity;

/// <summary>The sign-in account. Its id is the member's id (one-to-one), so the domain never sees Identity.</summary>
public sealed class CommunityUser : IdentityUser<Guid>;

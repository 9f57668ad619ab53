using System.Security.Claims;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Infrastructure.Identity;

/// <summary>Adds the member's display name and handle to the sign-in cookie (roles come from the base class).</summary>
public sealed class CommunityClaimsPrincipalFactory(
    UserManager<CommunityUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    CommunityDbContext db)
    : UserClaimsPrincipalFactory<CommunityUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CommunityUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var member = await db.Members.Where(m => m.Id == user.Id).Select(m => new { m.DisplayName, m.Handle, m.TimeZone }).FirstOrDefaultAsync();
        if (member is not null)
        {
            identity.AddClaim(new Claim(CommunityClaims.DisplayName, member.DisplayName));
            identity.AddClaim(new Claim(CommunityClaims.Handle, member.Handle));
            if (member.TimeZone is not null)
            {
                identity.AddClaim(new Claim(CommunityClaims.TimeZone, member.TimeZone));
            }
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(CommunityClaims.TwoFactor, "true"));
        }

        return identity;
    }
}

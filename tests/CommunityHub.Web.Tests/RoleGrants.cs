using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Web.Tests;

/// <summary>Makes a registered member staff, an executive, a moderator or an admin, as an admin would
/// (roles in Identity, badge and title on the member). They must sign in again to carry the roles.</summary>
internal static class RoleGrants
{
    public static async Task GrantAsync(this WebFixture fixture, string displayName, string[] roles, string? title = null)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var member = await db.Members.SingleAsync(m => m.DisplayName == displayName);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CommunityUser>>();
        var added = await users.AddToRolesAsync((await users.FindByIdAsync(member.Id.ToString()))!, roles);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
        member.ShowAs(roles.Contains(Roles.Executive) ? MemberBadge.Executive : roles.Contains(Roles.Staff) ? MemberBadge.Staff : MemberBadge.None, title);
        await db.SaveChangesAsync();
    }
}

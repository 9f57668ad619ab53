using CommunityHub.Domain.ApiTokens;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Spaces;
using CommunityHub.Infrastructure.Identity;

namespace CommunityHub.Infrastructure.Persistence.Seeding;

/// <summary>The REST API in the demo: Ada made a service token for "Release Notes Bot" (its secret was shown to her once
/// and is not kept, so /admin/tokens lists it without one), and the bot posted the latest release notes, with its Bot
/// badge. No personal token is seeded: its secret could not be shown anyway.</summary>
public sealed partial class DemoCommunity
{
    private async Task SeedApiTokensAsync(Space announcements, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bot = Member.Join(Guid.CreateVersion7(), "Release Notes Bot", "release-notes-bot", now.AddDays(-20));
        bot.ShowAs(MemberBadge.Bot, null);
        db.Members.Add(bot);
        await db.SaveChangesAsync(cancellationToken);
        // An account nobody signs in to: a random password never shown, an address at the reserved .invalid domain.
        var user = new CommunityUser { Id = bot.Id, UserName = "release-notes-bot@bots.invalid", Email = "release-notes-bot@bots.invalid", EmailConfirmed = true };
        Check(await users.CreateAsync(user, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) + "aA1!"));
        Check(await users.AddToRolesAsync(user, [Roles.Member]));
        var (token, _) = ApiToken.IssueService(_as["Ada"], bot.Id, Viewer.Of(bot.Id, [Roles.Member]), "Release notes from CI", ApiScopes.Read | ApiScopes.Write, null, now.AddDays(-20));
        token.TakeDomainEvents(); // seeded without the unit of work: no audit entry
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        _as["Release"] = Viewer.Of(bot.Id, [Roles.Member]);
        await StartAsync(announcements, "Release", "Release 4.2: scheduled exports and faster dashboards",
            "Posted by the release pipeline through the REST API.\n\n- Scheduled CSV exports\n- Dashboards load about twice as fast", [], now.AddDays(-2), cancellationToken);
    }
}

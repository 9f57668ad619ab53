using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Registration;
using CommunityHub.Domain.Spaces;

namespace CommunityHub.Infrastructure.Persistence.Seeding;

/// <summary>Issue 14's door in the demo: a members-only space (signed out it is nowhere; signed in it says
/// "Private · signed-in members") and an invite link Ada made for partners, on /admin/invites.</summary>
public sealed partial class DemoCommunity
{
    private async Task SeedGatesAsync(Dictionary<string, Guid> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ada = members["Ada"];
        var lounge = Space.Create("Customer lounge", "lounge", "For signed-in members: roadmaps, pricing questions and the things we only tell customers.", 6);
        db.Spaces.Add(lounge);
        await db.SaveChangesAsync(cancellationToken);
        lounge.OpenTo(SpaceAudience.Members, [], ada, now.AddDays(-30));
        db.ModerationLog.Add(ModerationEntry.Record(ada, ModerationAction.RestrictSpace, now.AddDays(-30), spaceId: lounge.Id, detail: "Customer lounge is open to signed-in members only"));
        await db.SaveChangesAsync(cancellationToken);
        if (_as.ContainsKey("Chloe"))
        {
            await StartAsync(lounge, "Chloe", "Will the annual plan price change next year?",
                "We renew in March. Is there anything on the roadmap that changes what the annual plan includes?", [], now.AddDays(-3), cancellationToken);
        }

        var invite = Invite.Create("Partners at Northwind", now.AddDays(30), 10, ada, now.AddDays(-1));
        db.Invites.Add(invite);
        db.ModerationLog.Add(ModerationEntry.Record(ada, ModerationAction.CreateInvite, now.AddDays(-1), detail: "Invite \u201cPartners at Northwind\u201d"));
        await db.SaveChangesAsync(cancellationToken);
    }
}

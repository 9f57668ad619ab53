using CommunityHub.Application.Escalation;
using CommunityHub.Domain.Escalation;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Infrastructure.Persistence.Seeding;

public sealed partial class DemoCommunity
{
    /// <summary>Where the demo's support desk would be: nothing listens there, so a thread escalated in the demo
    /// shows what a failing desk looks like after its retries.</summary>
    public const string DemoDeskUrl = "http://127.0.0.1:5099/support-desk/cases";

    /// <summary>A support desk connection (issue 17), and one thread escalated with an open case, so staff see
    /// "Escalated — case #4711" on it and its asker the notification.</summary>
    private async Task SeedEscalationAsync(DiscussionThread thread, Dictionary<string, Guid> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var desk = SupportDesk.Connect(_as["Ada"].MemberId!.Value, new Uri(DemoDeskUrl), DeskFormat.Generic, null, DeskSignature.NewSecret(), now.AddDays(-7));
        desk.TakeDomainEvents(); // seeded without the unit of work: no audit entry
        db.SupportDesks.Add(desk);
        if (!members.TryGetValue("Sam", out var sam) || !_as.TryGetValue("Sam", out var samAs))
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var demoCase = new EscalationCase(thread.Id, DemoDeskUrl, thread.Title, new CaseAsker("(demo)", null), null, "Sam", []);
        var escalation = ThreadEscalation.Start(thread.Id, samAs, demoCase.ToJson(), now.AddHours(-5));
        escalation.Opened("4711", "http://127.0.0.1:5099/support-desk/cases/4711", now.AddHours(-5));
        // The seeder saves without the unit of work, so the asker's notification is written here rather than by its subscriber.
        escalation.TakeDomainEvents();
        db.Escalations.Add(escalation);
        if (thread.AuthorId != sam)
        {
            db.Notifications.Add(Notification.Create(thread.AuthorId, NotificationKind.TakenUpBySupport, sam, thread.Id, null, now.AddHours(-5)));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

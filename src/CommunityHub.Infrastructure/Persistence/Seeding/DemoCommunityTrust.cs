using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Safety;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Trust;
using CommunityHub.Infrastructure.Identity;

namespace CommunityHub.Infrastructure.Persistence.Seeding;

public sealed partial class DemoCommunity
{
    /// <summary>Trust and safety at once: everyone's level follows from the seeded activity (the long-standing helpers
    /// are Regulars and Leaders, the newest members New), Hiro is locked at Leader by Morgan (and retitled a thread, as Leaders may), the filter blocks "casino"
    /// and links to spam.test, and Nico — who joined twenty minutes ago — has his first reply waiting in the approval
    /// queue with the scorer's reasons.</summary>
    private async Task SeedTrustAsync(DiscussionThread thread, Space space, Dictionary<string, Guid> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ada = members["Ada"];
        db.WatchedWords.Add(WatchedWord.Create(ada, "casino", isPattern: false, WatchedWordAction.Block, null, "Gambling offers are not welcome here.", now.AddDays(-30)));
        db.LinkRules.Add(LinkRule.Create(ada, "spam.test", LinkRuleKind.Block, now.AddDays(-30)));
        db.ModerationLog.Add(ModerationEntry.Record(ada, ModerationAction.EditContentFilter, now.AddDays(-30), detail: "watches word \u201ccasino\u201d: Block"));
        db.ModerationLog.Add(ModerationEntry.Record(ada, ModerationAction.EditContentFilter, now.AddDays(-30), detail: "blocks links to spam.test"));

        if (members.TryGetValue("Hiro", out var hiro) && members.TryGetValue("Morgan", out var morgan))
        {
            var hiroMember = await db.Members.FindAsync([hiro], cancellationToken);
            hiroMember!.LockTrust(_as["Morgan"], isAdmin: false, TrustLevel.Leader, "Leader", "Runs the Kubernetes user group; trusted from day one.", now.AddDays(-20));
            db.ModerationLog.Add(ModerationEntry.Record(morgan, ModerationAction.LockTrust, now.AddDays(-20), memberId: hiro, reason: "Runs the Kubernetes user group; trusted from day one.", detail: "at Leader"));
            // A Leader's small power: Hiro gave this thread the clear title it carries now (the log keeps the old one).
            if (thread.AuthorId != hiro)
            {
                db.ModerationLog.Add(ModerationEntry.Record(hiro, ModerationAction.RetitleThread, now.AddDays(-19), threadId: thread.Id, detail: "was \u201ccsv export??\u201d"));
            }
        }

        var joined = now.AddMinutes(-20);
        var nico = Member.Join(Guid.CreateVersion7(), "Nico Rossi", MemberHandle.Suggest("Nico Rossi"), joined);
        db.Members.Add(nico);
        await db.SaveChangesAsync(cancellationToken);
        var user = new CommunityUser { Id = nico.Id, UserName = "nico@example.com", Email = "nico@example.com", EmailConfirmed = true };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRolesAsync(user, [Roles.Member]));
        _as["Nico"] = Viewer.Of(nico.Id, [Roles.Member]);

        const string Body = "Exports are slow for everyone, use our accelerator: https://fast-export.example/a https://fast-export.example/b https://fast-export.example/c";
        var at = now.AddMinutes(-19);
        var verdict = SpamScorer.Score(new SpamSample(Body, at - joined, IsFirstPost: true, DuplicateThreads: 0));
        var reasons = $"One of the first 2 posts of a member at the New level; spam score {verdict.Score}: {verdict.Explain()}.";
        var id = await keys.NextReplyAsync(thread.Id, cancellationToken) ?? throw new InvalidOperationException("No such thread.");
        var reply = thread.Reply(id, _as["Nico"], Standing.Good, new PostDraft(Body, Render(Body, []), [], Guid.NewGuid()), null, false,
            new ThreadSoFar(null, null, null, [], AuthorTookPart: false, AuthorChoseHowToFollow: false), new PostPlace(space.Id, space.Slug, space.Name, "Nico Rossi"), at, reasons);
        db.Posts.Add(reply);
        await db.SaveChangesAsync(cancellationToken);
        thread.TakeDomainEvents();
    }
}

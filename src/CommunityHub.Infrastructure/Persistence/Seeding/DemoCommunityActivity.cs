using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Infrastructure.Persistence.Seeding;

// The demo's reciprocity and twelve weeks of questions and answers, so that profiles, tie cards and the
// Community health page have something worth looking at. Deterministic: the same seed gives the same community.
public sealed partial class DemoCommunity
{
    /// <summary>Who thanked, helped and accepted in the written conversations (thread title, post index, by whom).</summary>
    private static readonly (string Thread, int Post, string By, ReciprocityKind Kind, string? Reaction)[] Acknowledgements =
    [
        ("How do I export a report as CSV with filters applied?", 1, "Bruno", ReciprocityKind.AcceptedAnswer, null),
        ("How do I export a report as CSV with filters applied?", 1, "Bruno", ReciprocityKind.Helped, null),
        ("How do I export a report as CSV with filters applied?", 1, "Sam", ReciprocityKind.Thanks, null),
        ("How do I export a report as CSV with filters applied?", 3, "Bruno", ReciprocityKind.Reaction, "heart"),
        ("API rate limits for bulk imports", 1, "Dev", ReciprocityKind.Helped, null),
        ("API rate limits for bulk imports", 3, "Dev", ReciprocityKind.AcceptedAnswer, null),
        ("Dark mode for the dashboard", 2, "Chloe", ReciprocityKind.Thanks, null),
        ("Dark mode for the dashboard", 2, "Dev", ReciprocityKind.Reaction, "celebrate"),
        ("Dark mode for the dashboard", 0, "Dev", ReciprocityKind.Reaction, "agree"),
        ("How we cut our month-end close from 5 days to 2", 0, "Dev", ReciprocityKind.Reaction, "insightful"),
        ("How we cut our month-end close from 5 days to 2", 0, "Morgan", ReciprocityKind.Thanks, null),
        ("How we cut our month-end close from 5 days to 2", 2, "Dev", ReciprocityKind.Helped, null),
        ("Welcome! Start here", 3, "Alice", ReciprocityKind.Reaction, "heart"),
    ];

    private static readonly string[] QuestionTitles =
    [
        "Dashboard filters reset when I switch tabs",
        "Can I share a dashboard with someone outside our company?",
        "Best way to archive old projects?",
        "Webhook retries: how many and how often?",
        "Sum of a column differs between the chart and the table",
        "Giving a contractor read-only access",
        "Importing from a spreadsheet with merged cells",
        "Alert when a metric stops updating",
        "Is there a keyboard shortcut for the command palette?",
        "Date range 'last quarter' shows the wrong months",
        "Rounding in exported totals",
        "How do you organise dashboards for a 40-person team?",
        "Embedding a chart in our intranet",
        "Renaming a field breaks saved views",
        "Audit trail of who changed a report",
        "Connecting to a read replica instead of the primary",
        "Slow dashboard with twenty charts",
        "Comparing this month with the same month last year",
        "Mobile app shows stale numbers",
        "Translating dashboard labels for our German office",
        "Exporting to PDF cuts off wide tables",
        "Filtering by a list of 300 customer ids",
        "Scheduled email arrives without attachments",
        "Moving a workspace to a new owner",
    ];

    private static readonly string[] Answers =
    [
        "I had the same problem. Open the view's settings and tick **Keep filters per tab**; it's off by default.",
        "You can, with a share link that expires. Settings → Sharing → *External links*. We set ours to 14 days.",
        "We tag them `archived` and hide the tag in the sidebar. Deleting felt too final for audits.",
        "Five retries with exponential back-off, starting at 30 seconds. The delivery log shows each attempt.",
        "The chart rounds each point before summing. Switch the aggregation to *exact* in the chart options and they match.",
        "Make a role with only *View* on the workspace and give it an expiry date. Works well for our auditors.",
        "Unmerge the cells first (or export as CSV): the importer reads merged cells as empty.",
        "There's a *staleness* condition in alerts now: 'no new data for N hours'. Saved us twice last month.",
        "Ctrl+K on Windows and Linux, Cmd+K on a Mac.",
        "Check the fiscal year setting under workspace preferences: 'quarter' follows it.",
        "Exports keep full precision; the rounding you see is the spreadsheet's display format.",
        "One folder per team, one 'front page' dashboard each, and a naming rule: team · topic · audience.",
    ];

    private static readonly string[] FollowUps =
    [
        "That did it, thank you!",
        "Perfect, exactly what I needed.",
        "Thanks, that explains a lot. One more thing: does it also apply to scheduled exports?",
        "It does, the schedule uses the same setting.",
        "Great, thanks again.",
    ];

    /// <summary>The written conversations' thanks, help, reactions and accepted answers.</summary>
    private async Task SeedAcknowledgementsAsync(
        Dictionary<string, (DiscussionThread Thread, List<long> Posts)> threads,
        Dictionary<string, Guid> members,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        foreach (var (title, index, by, kind, reaction) in Acknowledgements)
        {
            var (thread, posts) = threads[title];
            var postId = posts[index];
            var post = db.Posts.Local.Single(p => p.Id == postId);
            var at = post.CreatedAt.AddHours(2) < now ? post.CreatedAt.AddHours(2) : now;
            Acknowledge(thread, post, by, kind, reaction, at);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Twelve weeks of questions and answers: regular helpers, back-and-forth, accepted answers,
    /// help returned, and a few newcomers nobody has talked to yet.</summary>
    private async Task SeedWeeksOfQuestionsAsync(Space space, Dictionary<string, Guid> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var random = new Random(20261123);
        var handles = Accounts.ToDictionary(a => a.Name.Split(' ')[0], a => MemberHandle.Suggest(a.Name));
        string[] askers = ["Bruno", "Dev", "Femi", "Grace", "Hiro", "Ines", "Jonas", "Alice", "Chloe", "Kavya"];
        string[] helpers = ["Alice", "Chloe", "Sam", "Grace", "Dev", "Hiro", "Alice", "Sam"];
        string[] reactors = ["Alice", "Bruno", "Chloe", "Dev", "Grace", "Hiro", "Ines", "Erin"];
        for (var i = 0; i < QuestionTitles.Length; i++)
        {
            var startedAt = now.AddDays(-84 + (i * 3.4)).AddHours(random.Next(8, 18) - 24);
            // The newest two questions come from newcomers nobody has answered yet: the dashboard's isolated members.
            var asker = i switch { 22 => "Liam", 23 => "Maya", _ => askers[i % askers.Length] };
            var helper = helpers[random.Next(helpers.Length)];
            if (helper == asker)
            {
                helper = helpers[(Array.IndexOf(helpers, helper) + 1) % helpers.Length];
            }

            var question = $"{QuestionTitles[i]}? We're on the current release; any pointers welcome."
                + (random.Next(3) == 0 ? $" Maybe @{handles[helper]} has seen this?" : string.Empty);
            var thread = await StartAsync(space, asker, QuestionTitles[i], question, Mentioned(question, handles, members), startedAt, cancellationToken);
            if (i is 22 or 23)
            {
                continue; // the newest questions are still waiting for an answer
            }

            var at = startedAt.AddMinutes(random.Next(20, 600));
            var answer = await ReplyAsync(thread, space, helper, Answers[i % Answers.Length], null, at, handles, members, cancellationToken);
            at = at.AddMinutes(random.Next(15, 240));
            var followUp = FollowUps[random.Next(FollowUps.Length)];
            var thanksReply = await ReplyAsync(thread, space, asker, followUp, null, at, handles, members, cancellationToken);
            if (followUp.Contains("One more thing", StringComparison.Ordinal))
            {
                await ReplyAsync(thread, space, helper, FollowUps[3], thanksReply.Id, at.AddMinutes(random.Next(10, 90)), handles, members, cancellationToken);
            }

            if (random.Next(3) == 0)
            {
                var second = helpers[random.Next(helpers.Length)];
                if (second != asker && second != helper)
                {
                    await ReplyAsync(thread, space, second, "Adding to that: it's also in the help centre under *Workspaces*.", answer.Id, at.AddMinutes(30), handles, members, cancellationToken);
                }
            }

            var markedAt = answer.CreatedAt.AddHours(3) < now ? answer.CreatedAt.AddHours(3) : now;
            Acknowledge(thread, answer, asker, ReciprocityKind.Helped, null, markedAt);
            if (i % 5 != 4)
            {
                Acknowledge(thread, answer, asker, ReciprocityKind.AcceptedAnswer, null, markedAt);
            }

            if (random.Next(2) == 0)
            {
                Acknowledge(thread, answer, asker, ReciprocityKind.Thanks, null, markedAt);
            }

            foreach (var reactor in reactors.Where(r => r != helper).OrderBy(_ => random.Next()).Take(random.Next(0, 3)))
            {
                Acknowledge(thread, answer, reactor, ReciprocityKind.Reaction, random.Next(2) == 0 ? "agree" : "insightful", markedAt);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private Task<Post> ReplyAsync(DiscussionThread thread, Space space, string author, string body, long? inReplyTo, DateTimeOffset at, Dictionary<string, string> handles, Dictionary<string, Guid> members, CancellationToken cancellationToken) =>
        ReplyAsync(thread, space, author, body, Mentioned(body, handles, members), inReplyTo, staffNote: false, at, cancellationToken);

    private string Render(string body, IReadOnlyCollection<Guid> mentioned) =>
        mentioned.Count == 0 ? markdown.ToSafeHtml(body) : markdown.ToSafeHtml(body, Accounts.Select(a => MemberHandle.Suggest(a.Name)).ToHashSet(StringComparer.Ordinal));

    private List<Guid> Mentioned(string body, Dictionary<string, string> handles, Dictionary<string, Guid> members)
    {
        var mentioned = markdown.FindMentions(body);
        return [.. handles.Where(h => mentioned.Contains(h.Value)).Select(h => members[h.Key])];
    }

    /// <summary>What <paramref name="by"/> said about the post, through the post (or, for an answer, the thread) as the app records it.</summary>
    private void Acknowledge(DiscussionThread thread, Post post, string by, ReciprocityKind kind, string? reaction, DateTimeOffset at)
    {
        var record = kind == ReciprocityKind.AcceptedAnswer
            ? thread.AcceptAnswer(post, _as[by], null, at)
            : post.Acknowledge(_as[by], kind, reaction, at);
        db.ReciprocityRecords.Add(record ?? throw new InvalidOperationException("The answer was accepted already."));
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Maintenance;
using CommunityHub.Application.Ties;
using CommunityHub.Domain.Community;
using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Registration;
using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Tags;
using CommunityHub.Domain.Threads;
using CommunityHub.Infrastructure.Identity;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Infrastructure.Persistence.Seeding;

/// <summary>A small, lived-in community for `./run.sh`: spaces with purposes, customers, staff, an
/// executive, a moderator and an admin, and conversations spread over the last few weeks.</summary>
public sealed partial class DemoCommunity(
    CommunityDbContext db,
    UserManager<CommunityUser> users,
    IMarkdownRenderer markdown,
    IMediator mediator,
    IKeys keys,
    Application.Attachments.IAttachmentStore attachmentStore,
    Application.Attachments.IImageProcessor images,
    TimeProvider clock)
{
    /// <summary>Each demo member as the conversation rules see them (their roles' powers), by first name.</summary>
    private readonly Dictionary<string, Viewer> _as = [];

    /// <summary>Every demo account signs in with this password.</summary>
    public const string Password = "community-demo";

    public static IReadOnlyList<(string Email, string Name, string[] Roles, string? Title)> Accounts { get; } =
    [
        ("ada@example.com", "Ada Okafor", [Roles.Admin], null),
        ("morgan@example.com", "Morgan Reyes", [Roles.Moderator], null),
        ("sam@example.com", "Sam Patel", [Roles.Staff], "Product Manager, Reporting"),
        ("erin@example.com", "Erin Walsh", [Roles.Executive], "CEO"),
        ("alice@example.com", "Alice Chen", [], null),
        ("bruno@example.com", "Bruno Costa", [], null),
        ("chloe@example.com", "Chloe Martin", [], null),
        ("dev@example.com", "Dev Sharma", [], null),
        ("femi@example.com", "Femi Adeyemi", [], null),
        ("grace@example.com", "Grace Liu", [], null),
        ("hiro@example.com", "Hiro Tanaka", [], null),
        ("ines@example.com", "Ines Duarte", [], null),
        ("jonas@example.com", "Jonas Berg", [], null),
        ("kavya@example.com", "Kavya Rao", [], null),
        ("liam@example.com", "Liam O'Neill", [], null),
        ("maya@example.com", "Maya Cohen", [], null),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var members = new Dictionary<string, Guid>();
        var joinedDaysAgo = 150;
        foreach (var (email, name, roles, title) in Accounts)
        {
            var member = Member.Join(Guid.CreateVersion7(), name, MemberHandle.Suggest(name), now.AddDays(-joinedDaysAgo));
            // The badge on posts follows the roles, as SetMemberRoles keeps it.
            member.ShowAs(roles.Contains(Roles.Executive) ? MemberBadge.Executive : roles.Contains(Roles.Staff) ? MemberBadge.Staff : MemberBadge.None, title);
            joinedDaysAgo -= 8;
            db.Members.Add(member);
            if (name == "Alice Chen")
            {
                // The account page's profile: a bio, a link, and dates in her own time zone.
                member.Describe(name, "I run the data team at a logistics company; customer for about a year.", "https://example.com/alice");
                member.UseTimeZone("Europe/Lisbon");
            }

            await db.SaveChangesAsync(cancellationToken);
            if (name == "Bruno Costa")
            {
                // Bruno went by @bruno-c before: /members/bruno-c still leads to him.
                db.FormerHandles.Add(new FormerHandle("bruno-c", member.Id, now.AddDays(-30)));
            }

            var user = new CommunityUser { Id = member.Id, UserName = email, Email = email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRolesAsync(user, [Roles.Member, .. roles]));
            members[name.Split(' ')[0]] = member.Id;
            _as[name.Split(' ')[0]] = Viewer.Of(member.Id, [Roles.Member, .. roles]);
        }

        var news = new List<Notification>();
        var spaces = new[]
        {
            Space.Create("Getting started", "getting-started", "New here? Introduce yourself, ask how things work, and find your way around.", 1),
            Space.Create("Questions & answers", "questions", "Stuck on something? Ask the community. Mark the reply that solved it so the next person finds it.", 2),
            Space.Create("Ideas & feedback", "ideas", "What should we build next, and what should we fix? Product people read every thread here.", 3),
            Space.Create("Show and tell", "show-and-tell", "Share what you built, how you use the product, and what you learned along the way.", 4),
        };
        db.Spaces.AddRange(spaces);
        await db.SaveChangesAsync(cancellationToken);

        // Written first, as an admin would when opening the community; the audit log keeps that order.
        db.Values.Add(CommunityValues.Write(Values, markdown.ToSafeHtml(Values, headingShift: 1), members["Ada"], now.AddDays(-100)));
        db.ModerationLog.Add(ModerationEntry.Record(members["Ada"], ModerationAction.EditValues, now.AddDays(-100)));
        await db.SaveChangesAsync(cancellationToken);

        var threadsByTitle = new Dictionary<string, (DiscussionThread Thread, List<long> Posts)>();
        foreach (var script in Conversations)
        {
            var space = spaces[script.Space];
            var startedAt = now.AddHours(-script.HoursAgo);
            var opening = script.Posts[0];
            var thread = await StartAsync(space, opening.Author, script.Title, opening.Body, [], startedAt, cancellationToken);
            if (script.Pinned)
            {
                thread.Pin(_as["Morgan"], null, startedAt);
            }

            var posted = new List<long> { thread.Posts.Single().Id };
            threadsByTitle[script.Title] = (thread, posted);
            var authors = new List<Guid> { thread.AuthorId };
            var at = startedAt;
            foreach (var line in script.Posts.Skip(1))
            {
                at = at.AddMinutes(line.MinutesLater);
                long? inReplyTo = line.InReplyTo is { } index ? posted[index] : null;
                var reply = await ReplyAsync(thread, space, line.Author, LinkThreads(line.Body, threadsByTitle, spaces), [], inReplyTo, line.StaffNote, at, cancellationToken);
                posted.Add(reply.Id);
                if (line.FlaggedBy is { } reporter)
                {
                    db.Flags.Add(Flag.Raise(reply.Id, members[reporter.Name], reporter.Reason, at.AddMinutes(20)));
                }

                authors.Add(reply.AuthorId);
                if (!line.StaffNote)
                {
                    // A staff note tells no member anything.
                    news.AddRange(TellAbout(reply, thread.AuthorId, line.InReplyTo is { } parent ? authors[parent] : null, now));
                }
            }

            if (script.OfficialAnswer is { } official)
            {
                thread.MarkOfficialAnswer(db.Posts.Local.Single(p => p.Id == posted[official]), _as["Sam"], at);
            }

            if (script.LockedBy is not null)
            {
                // Locked once the conversation had gone where it went (the audit log entry follows).
                thread.Lock(_as["Morgan"], null, at.AddMinutes(30));
            }

            if (script.LockedBy is { } locker)
            {
                db.ModerationLog.Add(ModerationEntry.Record(members[locker.Name], ModerationAction.LockThread, at.AddMinutes(30), threadId: thread.Id, reason: locker.Reason));
            }

            // Everyone who took part watches the thread and has read it up to their own last post.
            foreach (var participant in authors.Distinct())
            {
                db.ThreadWatches.Add(ThreadWatch.Create(participant, thread.Id, WatchLevel.Watching, startedAt));
                db.ThreadReadMarks.Add(ThreadReadMark.Create(participant, thread.Id, posted[authors.LastIndexOf(participant)], now));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        // In the order they happened, as the app would have written them (the notifications page lists by id).
        db.Notifications.AddRange(news.OrderBy(n => n.CreatedAt));

        // Alice follows the Q&A and show-and-tell spaces and reads the daily digest; Sam watches the ideas.
        db.SpaceWatches.Add(SpaceWatch.Create(members["Alice"], spaces[1].Id, now.AddDays(-30)));
        db.SpaceWatches.Add(SpaceWatch.Create(members["Alice"], spaces[3].Id, now.AddDays(-30)));
        db.SpaceWatches.Add(SpaceWatch.Create(members["Sam"], spaces[2].Id, now.AddDays(-30)));
        db.DigestSubscriptions.Add(DigestSubscription.Create(members["Alice"], now.AddHours(-20)));
        await db.SaveChangesAsync(cancellationToken);


        await SeedScreenshotAsync(threadsByTitle["How do I export a report as CSV with filters applied?"].Thread, cancellationToken);
        await SeedAvatarsAsync(members, now, cancellationToken);
        await SeedAcknowledgementsAsync(threadsByTitle, members, now, cancellationToken);
        await SeedWeeksOfQuestionsAsync(spaces[1], members, now, cancellationToken);
        await SeedPrivateSpaceAsync(members, now, cancellationToken);
        await SeedGatesAsync(members, now, cancellationToken);
        await SeedTagsAsync(threadsByTitle, spaces[1], members, now, cancellationToken);
        await SeedTrustAsync(threadsByTitle["How do I export a report as CSV with filters applied?"].Thread, spaces[1], members, now, cancellationToken);
        await SeedIdeasAsync(spaces[2], threadsByTitle.ToDictionary(t => t.Key, t => t.Value.Thread), members, now, cancellationToken);
        await SeedApiTokensAsync(spaces[0], now, cancellationToken);
        await SeedWebhooksAsync(now, cancellationToken);
        await SeedEscalationAsync(threadsByTitle["How do I export a report as CSV with filters applied?"].Thread, members, now, cancellationToken);

        // Counters, latest activity and ties all follow from the posts and records just written.
        await mediator.Send(new RecountCounters.Command(), cancellationToken);
        await mediator.Send(new RebuildTies.Command(), cancellationToken);
        await SeedTieFeaturesAsync(members, now, cancellationToken);
    }

    /// <summary>What the tie features show at once: customer organisations and their ties to the company, a few
    /// members' private ratings and a calibration run on them (too few to adopt), and one of the newcomers'
    /// unanswered questions with Sam's ask to Bruno (the triage page, and asked versus not asked on the dashboard).
    /// Alice has not rated Bruno's or Chloe's ties, so her own profile asks her about one.</summary>
    private async Task SeedTieFeaturesAsync(Dictionary<string, Guid> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organisations = new[]
        {
            (Name: "Northwind Traders", Domain: "northwind.example", People: new[] { "Alice", "Bruno", "Grace" }),
            (Name: "Contoso", Domain: "contoso.example", People: new[] { "Chloe", "Dev", "Hiro" }),
            (Name: "Fabrikam", Domain: "fabrikam.example", People: new[] { "Femi", "Ines" }),
            (Name: "Tailspin Toys", Domain: "tailspin.example", People: new[] { "Jonas", "Kavya", "Liam", "Maya" }),
        };
        foreach (var (name, domain, people) in organisations)
        {
            var organisation = Domain.Organisations.Organisation.Create(await keys.NewOrganisationIdAsync(cancellationToken), name, now.AddDays(-90));
            db.Organisations.Add(organisation);
            db.OrganisationDomains.Add(Domain.Organisations.OrganisationDomain.Map(domain, organisation.Id));
            foreach (var person in people.Where(members.ContainsKey))
            {
                db.OrganisationMembers.Add(Domain.Organisations.OrganisationMembership.Of(members[person], organisation.Id, Domain.Organisations.OrganisationSource.Admin, now.AddDays(-90)));
            }
        }

        // Private answers to "How well do you know …?" (only their authors ever see them).
        foreach (var (rater, rated, rating) in new[] { ("Bruno", "Alice", 3), ("Chloe", "Bruno", 2), ("Dev", "Chloe", 3), ("Femi", "Sam", 2), ("Grace", "Bruno", 1) })
        {
            if (members.TryGetValue(rater, out var from) && members.TryGetValue(rated, out var to))
            {
                db.TieRatings.Add(Domain.Ties.TieRating.Give(from, to, rating, now.AddDays(-3)));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await mediator.Send(new Application.Ties.CalibrateTies.Command(Application.Ties.CalibrateTies.Trigger.CommandLine), cancellationToken);

        var unanswered = await db.Threads.Where(t => t.ReplyCount == 0).OrderBy(t => t.CreatedAt).Select(t => new { t.Id, t.AuthorId }).FirstOrDefaultAsync(cancellationToken);
        if (unanswered is not null && members.TryGetValue("Sam", out var sam) && members.TryGetValue("Bruno", out var bruno) && unanswered.AuthorId != bruno)
        {
            db.HelpAsks.Add(Domain.Ties.Routing.HelpAsk.Of(unanswered.Id, bruno, sam, now.AddHours(-2), 0, strongTie: false));
            db.Notifications.Add(Notification.Create(bruno, NotificationKind.AskedForHelp, sam, unanswered.Id, null, now.AddHours(-2)));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static readonly (string Name, string Description, bool RequiredInQuestions)[] TagGroups =
    [
        ("Product", "Which part of the product the thread is about.", true),
        ("Version", "The release the thread concerns.", false),
        ("Topic", "What the thread is about, across products.", false),
    ];

    private static readonly (string Name, string Group, string Description)[] TagsToDefine =
    [
        ("reports", "Product", "Reports, dashboards and scheduled exports."),
        ("api", "Product", "The REST API and its limits."),
        ("sso", "Product", "Single sign-on and user provisioning."),
        ("billing", "Product", "Plans, invoices and the billing portal."),
        ("v4", "Version", "The 4.x releases."),
        ("v5", "Version", "The 5.x releases (current)."),
        ("exports", "Topic", "Getting data out: CSV, Excel, the API."),
        ("time-zones", "Topic", "Dates, times and schedules across time zones."),
        ("accessibility", "Topic", "Themes, contrast, keyboard and screen readers."),
    ];

    private static readonly (string Thread, string[] Tags)[] ThreadTagging =
    [
        ("How do I export a report as CSV with filters applied?", ["reports", "exports", "v5"]),
        ("API rate limits for bulk imports", ["api", "v5"]),
        ("Single sign-on with Okta: users land on the wrong workspace", ["sso", "v4"]),
        ("Why was my discount code rejected?!", ["billing"]),
        ("Dark mode for the dashboard", ["reports", "accessibility"]),
        ("Let us schedule reports for a time zone other than our own", ["reports", "time-zones"]),
        ("How we cut our month-end close from 5 days to 2", ["reports", "exports"]),
    ];

    /// <summary>Tags in three groups (Product is required in Questions &amp; answers: the new-thread form there asks for
    /// one), the demo threads tagged by Morgan, and two members watching a tag: Dev the API, Alice exports.</summary>
    private async Task SeedTagsAsync(Dictionary<string, (DiscussionThread Thread, List<long> Posts)> threads, Space questions, Dictionary<string, Guid> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ada = members["Ada"];
        var groups = new Dictionary<string, TagGroup>();
        foreach (var (name, description, required) in TagGroups)
        {
            var group = TagGroup.Create(await keys.NewTagGroupIdAsync(cancellationToken), name, description, required ? [questions.Id] : [], ada, now.AddDays(-90));
            db.TagGroups.Add(group);
            groups[name] = group;
        }

        var tags = new Dictionary<string, Tag>();
        foreach (var (name, group, description) in TagsToDefine)
        {
            var tag = Tag.Define(await keys.NewTagIdAsync(cancellationToken), name, description, groups[group].Id, ada, now.AddDays(-90));
            db.Tags.Add(tag);
            tags[name] = tag;
        }

        db.ModerationLog.Add(ModerationEntry.Record(ada, ModerationAction.DefineTag, now.AddDays(-90), detail: "tags in Product, Version and Topic; Product required in Questions & answers"));
        await db.SaveChangesAsync(cancellationToken);

        RequiredTagGroup[] product = [new(groups["Product"].Id, "Product")];
        foreach (var (title, names) in ThreadTagging)
        {
            var thread = threads[title].Thread;
            thread.Retag(_as["Morgan"], [.. names.Select(n => new TagChoice(tags[n].Id, n, tags[n].GroupId))], thread.SpaceId == questions.Id ? product : []);
        }

        db.TagWatches.Add(TagWatch.Create(members["Dev"], tags["api"].Id, now.AddDays(-20)));
        db.TagWatches.Add(TagWatch.Create(members["Alice"], tags["exports"].Id, now.AddDays(-20)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly string[] BetaTesters = ["Alice", "Chloe"];

    /// <summary>A customer-only beta: the "Beta programme" group (Alice and Chloe) and a space restricted to it, with one
    /// conversation. Signed out, or as Bruno, the space is nowhere; as Alice, Sam or Ada it carries "Private · Beta programme".
    /// The staff side may @mention the group as @beta.</summary>
    private async Task SeedPrivateSpaceAsync(Dictionary<string, Guid> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ada = members["Ada"];
        var group = MemberGroup.Create(await keys.NewGroupIdAsync(cancellationToken), "Beta programme", "Customers trying the next release before everyone else.", ada, now.AddDays(-40));
        foreach (var person in BetaTesters.Where(members.ContainsKey))
        {
            group.Add(members[person], person, ada, now.AddDays(-40));
        }

        // @beta in a post by the company's people tells the beta testers (who may read it).
        group.MentionAs("beta", GroupMentions.StaffSide, ada, now.AddDays(-40));

        var beta = Space.Create("Beta", "beta", "Early builds, rough edges and candid feedback. Only the beta group and our team can read this space.", 5);
        // A group that fills itself: partners' confirmed addresses, and whom the company's sign-in puts in "partners".
        var partners = MemberGroup.Create(await keys.NewGroupIdAsync(cancellationToken), "Partners", "Resellers and integrators who build on the product.", ada, now.AddDays(-30));
        partners.JoinBy(EmailDomains.Parse("litware.example\nwingtip.example"), "partners", ada, now.AddDays(-30));
        db.Groups.Add(partners);
        db.Groups.Add(group);
        db.Spaces.Add(beta);
        await db.SaveChangesAsync(cancellationToken);
        beta.RestrictTo([group], ada, now.AddDays(-40));
        db.ModerationLog.Add(ModerationEntry.Record(ada, ModerationAction.RestrictSpace, now.AddDays(-40), spaceId: beta.Id, detail: "Beta is private to Beta programme"));
        await db.SaveChangesAsync(cancellationToken);

        var thread = await StartAsync(beta, "Alice", "Scheduled exports in the 4.0 beta skip empty days",
            "On the beta build a nightly export with no new rows writes no file at all. Is that intended? Our loader expects one file a day.", [], now.AddDays(-6), cancellationToken);
        if (_as.ContainsKey("Sam"))
        {
            await ReplyAsync(thread, beta, "Sam", "Intended, but you are right that it breaks loaders. The next beta build writes an empty file with the header row instead.", [], null, false, now.AddDays(-5), cancellationToken);
        }
    }

    /// <summary>A thread written through the thread itself, as the app writes it; its events are not dispatched
    /// (the counters and ties are rebuilt from the history at the end).</summary>
    /// <summary>Bruno's question shows what he sees: a screenshot of the Export menu, drawn now and processed as any upload
    /// is (display copy, thumbnail), stored in whichever store is configured.</summary>
    private async Task SeedScreenshotAsync(DiscussionThread thread, CancellationToken cancellationToken)
    {
        var image = images.Process(DemoScreenshot.Png(), Domain.Attachments.FileType.Png, "export-menu.png", 50_000_000, 1200, 320);
        var stored = (long)image.Original.Length + image.Display.Content.Length + image.Thumbnail.Content.Length;
        var screenshot = Domain.Attachments.Attachment.UploadImage(Guid.NewGuid(), thread.AuthorId, "export-menu.png", image.Type, image.Original.Length,
            (image.Width, image.Height), (image.Display.Width, image.Display.Height), stored, thread.CreatedAt);
        attachmentStore.Put(screenshot.StorageKey(Domain.Attachments.AttachmentVariant.Original), image.Original, image.Type.MediaType);
        attachmentStore.Put(screenshot.StorageKey(Domain.Attachments.AttachmentVariant.Display), image.Display.Content, image.Type.MediaType);
        attachmentStore.Put(screenshot.StorageKey(Domain.Attachments.AttachmentVariant.Thumbnail), image.Thumbnail.Content, image.Type.MediaType);
        screenshot.AttachTo(thread.Posts.Single(p => p.IsOpeningPost).Id, 0, thread.AuthorId, thread.CreatedAt);
        db.Attachments.Add(screenshot);
        if (attachmentStore is Application.Common.Persistence.IUnitOfWorkParticipant bucket)
        {
            // A bucket stores what was put when the work completes; seeding is no use case, so it says so itself.
            await bucket.CompleteAsync(cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>"Ideas &amp; feedback" is an Ideas space (issue 15): votes on its ideas, statuses with the company's notes
    /// (dark mode planned, per-schedule time zones under review, PDF export in progress) and one duplicate merged into
    /// its original, so the list, the roadmap and an idea's page show everything at once.</summary>
    private async Task SeedIdeasAsync(Space ideas, Dictionary<string, DiscussionThread> threads, Dictionary<string, Guid> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ideas.HoldIdeas(true, members["Ada"], now.AddDays(-100));
        db.ModerationLog.Add(ModerationEntry.Record(members["Ada"], ModerationAction.EditSpace, now.AddDays(-100), spaceId: ideas.Id, detail: $"{ideas.Name} is an Ideas space"));
        var pdf = await StartAsync(ideas, "Dev", "Export dashboards to PDF",
            "We send a dashboard to our board every month. Today that means screenshots pasted into a document. A *Download as PDF* button on a dashboard would save us an hour each time.", [], now.AddDays(-20), cancellationToken);
        var duplicate = await StartAsync(ideas, "Bruno", "PDF export for dashboards, please",
            "Clients keep asking for a PDF of their dashboard. Could we get an export button?", [], now.AddDays(-6), cancellationToken);

        var votes = new (DiscussionThread Thread, string[] Voters, double DaysAgo)[]
        {
            (threads["Dark mode for the dashboard"], ["Chloe", "Dev", "Alice", "Bruno"], 11),
            (threads["Let us schedule reports for a time zone other than our own"], ["Bruno", "Alice", "Dev"], 2.5),
            (pdf, ["Dev", "Chloe"], 19),
            (duplicate, ["Bruno", "Dev"], 5.5),
        };
        var byThread = new Dictionary<long, Idea>();
        foreach (var (thread, voters, daysAgo) in votes)
        {
            var idea = Idea.Of(thread.Id, thread.AuthorId);
            byThread[thread.Id] = idea;
            db.Ideas.Add(idea);
            for (var i = 0; i < voters.Length; i++)
            {
                db.IdeaVotes.Add(idea.Vote(_as[voters[i]], Domain.Members.Standing.Good, votedAlready: false, now.AddDays(-daysAgo).AddHours(i * 5))!);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.IdeaStatusChanges.Add(byThread[threads["Dark mode for the dashboard"].Id].SetStatus(_as["Erin"], IdeaStatus.Planned,
            "Dark mode is planned for next quarter, starting with the dashboard and reports. Thank you all for the votes: they moved it up.", now.AddDays(-9)));
        db.IdeaStatusChanges.Add(byThread[threads["Let us schedule reports for a time zone other than our own"].Id].SetStatus(_as["Sam"], IdeaStatus.UnderReview,
            "We're looking at per-schedule time zones first. Tell us here if you need per-recipient delivery.", now.AddDays(-1)));
        db.IdeaStatusChanges.Add(byThread[pdf.Id].SetStatus(_as["Sam"], IdeaStatus.InProgress,
            "In progress: a PDF of the dashboard as you see it, filters included. Early builds go to the Beta group first.", now.AddDays(-4)));
        await db.SaveChangesAsync(cancellationToken);

        // Morgan merges Bruno's duplicate into Dev's idea: Bruno's vote moves, Dev's counts once.
        var duplicateVotes = db.IdeaVotes.Local.Where(v => v.ThreadId == duplicate.Id).ToList();
        var moved = byThread[duplicate.Id].MergeInto(byThread[pdf.Id], _as["Morgan"], ideas.Id, ideas.Id, duplicateVotes,
            db.IdeaVotes.Local.Where(v => v.ThreadId == pdf.Id).Select(v => v.MemberId).ToHashSet(), now.AddDays(-3));
        db.IdeaVotes.AddRange(moved);
        duplicate.Close(_as["Morgan"], "Merged into \u201cExport dashboards to PDF\u201d", now.AddDays(-3));
        db.ModerationLog.Add(ModerationEntry.Record(members["Morgan"], ModerationAction.CloseThread, now.AddDays(-3), threadId: duplicate.Id, reason: "Merged into \u201cExport dashboards to PDF\u201d"));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<DiscussionThread> StartAsync(Space space, string author, string title, string body, IReadOnlyCollection<Guid> mentioned, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var (threadId, openingId) = await keys.NewThreadAsync(cancellationToken);
        var thread = DiscussionThread.Start(threadId, openingId, space.Id, _as[author], Standing.Good, title,
            new PostDraft(body, Render(body, mentioned), mentioned, Guid.NewGuid()), new PostPlace(space.Id, space.Slug, space.Name, author), at);
        db.Threads.Add(thread);
        await db.SaveChangesAsync(cancellationToken);
        return thread;
    }

    private async Task<Post> ReplyAsync(DiscussionThread thread, Space space, string author, string body, IReadOnlyCollection<Guid> mentioned, long? inReplyTo, bool staffNote, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var id = await keys.NextReplyAsync(thread.Id, cancellationToken) ?? throw new InvalidOperationException("No such thread.");
        var reply = thread.Reply(id, _as[author], Standing.Good, new PostDraft(body, Render(body, mentioned), mentioned, Guid.NewGuid()), inReplyTo, staffNote,
            new ThreadSoFar(null, null, null, [], AuthorTookPart: true, AuthorChoseHowToFollow: true), new PostPlace(space.Id, space.Slug, space.Name, author), at);
        db.Posts.Add(reply);
        await db.SaveChangesAsync(cancellationToken);
        return reply;
    }

    /// <summary>What the notifier would have told, had these replies been written through the app: the thread's
    /// author and the author of the post answered, once each, in the most personal kind. News older than two days
    /// has been read.</summary>
    private static IEnumerable<Notification> TellAbout(Post reply, Guid threadAuthor, Guid? parentAuthor, DateTimeOffset now)
    {
        var told = new Dictionary<Guid, NotificationKind>();
        if (parentAuthor is { } parent && parent != reply.AuthorId)
        {
            told[parent] = NotificationKind.ReplyToYourPost;
        }

        if (threadAuthor != reply.AuthorId)
        {
            told.TryAdd(threadAuthor, NotificationKind.ReplyToYourThread);
        }

        foreach (var (recipient, kind) in told)
        {
            var notification = Notification.Create(recipient, kind, reply.AuthorId, reply.ThreadId, reply.Id, reply.CreatedAt);
            if (reply.CreatedAt < now.AddDays(-2))
            {
                notification.MarkRead(reply.CreatedAt.AddHours(1));
            }

            yield return notification;
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding the demo accounts failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private sealed record Line(string Author, string Body, int MinutesLater = 30, int? InReplyTo = null, bool StaffNote = false, (string Name, string Reason)? FlaggedBy = null);

    /// <summary>A script line's <c>{thread:Title}</c> becomes a link on its own line to that (earlier) thread, as a member
    /// pastes its address from the browser: the thread page's address, which the page shows as a card.</summary>
    private static string LinkThreads(string body, Dictionary<string, (DiscussionThread Thread, List<long> Posts)> threads, IReadOnlyList<Space> spaces) =>
        ThreadPlaceholder().Replace(body, match =>
        {
            var thread = threads[match.Groups["title"].Value].Thread;
            var path = $"/s/{spaces.Single(s => s.Id == thread.SpaceId).Slug}/t/{thread.Id}";
            return $"[{path}]({path})";
        });

    [System.Text.RegularExpressions.GeneratedRegex(@"\{thread:(?<title>[^}]+)\}")]
    private static partial System.Text.RegularExpressions.Regex ThreadPlaceholder();

    private sealed record Conversation(int Space, string Title, double HoursAgo, Line[] Posts, bool Pinned = false, int? OfficialAnswer = null, (string Name, string Reason)? LockedBy = null);

    private const string Values = """
        # Be kind, assume good intent
        Everyone here is a customer, a prospect or one of the people who make the product. Disagree with ideas, never with people.

        # Help each other
        Answer what you know, mark what helped you, and say thanks. Staff and executives post under their own names; they are here to listen.

        # Keep it useful
        Search before you ask, stay on topic, and keep private details private: yours and your customers'.

        # What does not belong
        - Personal attacks, harassment or discrimination.
        - Advertising and spam.
        - Anyone's personal data.

        Moderators may hide a post, lock a thread or suspend an account that breaks these values; every action they take is logged. Use **Flag** on any post that needs their attention.
        """;

    private static readonly Conversation[] Conversations =
    [
        new(0, "Welcome! Start here", 24 * 40, [
            new("Ada", "Welcome to the community. This is the place to ask questions, share what you build, and tell us what to improve.\n\n- Be kind and assume good intent.\n- Search before you ask; mark the answer that solved it.\n- Staff and executives post under their own names.\n\nSay hello below!"),
            new("Alice", "Hi all, Alice here. I run the data team at a logistics company and we've been customers for about a year.", 60 * 5),
            new("Bruno", "Hello from Lisbon! Just started evaluating the product for our agency.", 60 * 20),
            new("Sam", "Welcome both! I'm Sam, product manager for the reporting features. Ping me with anything about dashboards.", 45, 2),
            new("Chloe", "Hi everyone. Long-time lurker, first post.", 60 * 30),
        ], Pinned: true),
        new(1, "How do I export a report as CSV with filters applied?", 24 * 6, [
            new("Bruno", "When I export a report to CSV, the filters I set on the page are ignored and I get every row. Is there a way to export only what I see?"),
            new("Alice", "Yes: the **Export** menu has two entries. *Export view* keeps your filters; *Export all* doesn't. It's easy to miss.", 25),
            new("Bruno", "That was it, thank you! I'd been using *Export all* for weeks. :tada:", 40, 1),
            new("Sam", "Thanks Alice. We've heard this a few times, so we're renaming the entries to make the difference obvious.", 90, 1),
        ], OfficialAnswer: 1),
        new(1, "API rate limits for bulk imports", 30, [
            new("Dev", "We import around 200k records a night through the API and start getting `429` responses after a few minutes. What limits apply, and what's the recommended way to do bulk loads?"),
            new("Chloe", "We hit the same thing. Batching into 500-record requests and honouring the `Retry-After` header fixed it for us.", 35),
            new("Dev", "Thanks, Chloe. Did you run requests in parallel or one at a time?", 20, 1),
            new("Chloe", "Four in parallel, with a small jitter between batches. Ran in about 40 minutes. For the export side, this one helped us:\n\n{thread:How do I export a report as CSV with filters applied?}", 15, 2),
        ]),
        new(1, "Single sign-on with Okta: users land on the wrong workspace", 5, [
            new("Alice", "After enabling SSO through Okta, some of our users land in a personal workspace instead of the company one. Has anyone seen this?"),
            new("Sam", "Known issue: Okta's default app mapping sends first-time users to a personal workspace. Engineering ticket SSO-142; fix is in review. Erin, worth a word with Alice's account team?", 40, StaffNote: true),
            new("Erin", "Yes, I'll ask her account manager to call today.", 25, 1, StaffNote: true),
            new("Sam", "I've seen this when the Okta app sends the personal address as the NameID. Check the attribute mapping: it should send the work e-mail. I'll ask our identity team to confirm.", 60),
            new("Dev", "Same here last month; Sam's mapping fix worked for us.", 40, 3),
        ]),
        new(1, "Why was my discount code rejected?!", 24 * 2, [
            new("Dev", "Your checkout rejected our renewal discount code THREE times. This is ridiculous, does anyone at this company read these?"),
            new("Bruno", "Calm down, it's a forum, not the support desk.", 20),
            new("Dev", "Don't tell me to calm down.", 10, 1),
            new("Morgan", "Let's pause here. Dev, I've passed your code to the billing team and they will e-mail you directly; I'm locking this thread so it doesn't turn into an argument.", 30),
        ], LockedBy: ("Morgan", "Turning into an argument; billing is following up by e-mail")),
        new(2, "Dark mode for the dashboard", 24 * 12, [
            new("Chloe", "Our operations team works night shifts and would love a dark theme for the dashboard."),
            new("Dev", "+1. Even a high-contrast option would help.", 60 * 3),
            new("Erin", "Thanks for raising this, Chloe. I'm Erin, CEO. Accessibility and comfort for people who live in the dashboard all day matter to us; this is on our list for next quarter.", 60 * 26),
            new("Chloe", "That's great to hear, thank you for replying yourself.", 60 * 2, 2),
        ]),
        new(2, "Let us schedule reports for a time zone other than our own", 24 * 3, [
            new("Bruno", "We have clients across three continents. Scheduled reports always go out in our account's time zone, which means some arrive at 3 a.m."),
            new("Sam", "Good point. Would per-schedule time zones work for you, or do you need per-recipient delivery?", 60 * 4),
            new("Bruno", "Per-schedule would already solve 90% of it.", 60 * 2, 1),
        ]),
        new(3, "How we cut our month-end close from 5 days to 2", 24 * 9, [
            new("Alice", "We rebuilt our month-end close around scheduled exports and a few shared dashboards. Short write-up:\n\n1. One dashboard per ledger, owned by one person.\n2. Exports land in a shared folder every night.\n3. Anomalies are flagged by a threshold view, not by eyeballing.\n\nHappy to answer questions."),
            new("Dev", "This is great. How do you handle late adjustments after the export runs?", 60 * 6),
            new("Alice", "We re-run a single ledger's export by hand; the threshold view catches anything that moved.", 50, 1),
            new("Morgan", "Lovely write-up, Alice. I've added it to the *Getting started* reading list.", 60 * 10),
            new("Bruno", "Great post! If you need someone to build these dashboards for you, my agency does it at half the price: https://example.com/deals", 60 * 3,
                FlaggedBy: ("Chloe", "Looks like an advert for Bruno's agency rather than part of the conversation.")),
        ]),
    ];
}

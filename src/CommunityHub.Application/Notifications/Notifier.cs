using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommunityHub.Application.Notifications;

/// <summary>What one notification is about: the thread, where it lives, who acted, and the post if any — what the
/// event carried, so the notifier reads only its audience.</summary>
public sealed record News(long ThreadId, string ThreadTitle, string SpaceSlug, string SpaceName, Guid? ActorId, string ActorName, NewsPost? Post);

/// <summary>The post a notification is about, as the visibility rule and the e-mail need it.</summary>
public sealed record NewsPost(long Id, IPostState State, string Body);

/// <summary>Who to tell besides the named recipients: everyone watching the thread, or the space, or one of the
/// tags (<paramref name="OfTagIds"/>; those who watch a tag but not the space hear it as <see cref="NotificationKind.ThreadInWatchedTag"/>).</summary>
public sealed record Watchers(NotificationKind Kind, bool OfTheThread = false, int? OfSpaceId = null, IReadOnlyList<int>? OfTagIds = null);

/// <summary>The one way to tell members that something happened, for every feature (replies, mentions, accepted
/// answers, "this helped me", moderation). Called once per event, inside its transaction: it reads the audience in
/// one statement and only adds rows (the in-app notification and, when the member chose e-mail, a queued e-mail),
/// which the unit of work saves with the cause or not at all.
/// <list type="bullet">
/// <item>Nobody is told of their own action.</item>
/// <item>Nobody is told of anything in a space they may not enter (<see cref="ConversationPolicy.MayEnter"/>): a
/// private space's watchers, repliers and @mentioned outsiders alike.</item>
/// <item>Nobody is told of a post they may not see (<see cref="ConversationPolicy.IsListed"/>), except that an author
/// hears what happened to their own post (a moderator hid it).</item>
/// <item>A muted thread tells its member nothing about the conversation in it.</item>
/// <item>Each member's choice per kind applies (in the app, also by e-mail, or not at all); e-mail goes only to a
/// confirmed address.</item>
/// <item>One event tells each member once, in the most personal kind (a reply to your post in a thread you watch is
/// "replied to your post"), and the same news told again (help marked, taken back, marked again) is not recorded twice.</item>
/// </list>
/// The in-app rows are written after the use case's save, all in one statement (<see cref="NotificationBatch"/>).</summary>
public sealed class Notifier(ICommunityDb db, IEmailComposer emails, NotificationBatch batch, TimeProvider clock, ILogger<Notifier> logger)
{
    private const int ExcerptLength = 600;

    /// <returns>How many members were told.</returns>
    public Task<int> TellAsync(News news, IReadOnlyCollection<Recipient> recipients, Watchers? watchers, CancellationToken cancellationToken) =>
        TellAsync(news, recipients, watchers, [], cancellationToken);

    /// <param name="mentionedGroups">Groups a post @mentions (those its author may mention): their members hear of it as
    /// a mention, at most <see cref="ConversationPolicy.MaxGroupMentionAudience"/> of them, within the same one
    /// statement and by the same rules as everyone else.</param>
    /// <returns>How many members were told.</returns>
    public async Task<int> TellAsync(News news, IReadOnlyCollection<Recipient> recipients, Watchers? watchers, IReadOnlyCollection<int> mentionedGroups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(news);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(mentionedGroups);
        var named = recipients.Where(r => r.MemberId != news.ActorId && r.MemberId != Guid.Empty).ToList();
        List<int> groupIds = [.. mentionedGroups.Distinct()];
        if (named.Count == 0 && watchers is null && groupIds.Count == 0)
        {
            return 0;
        }

        var ids = named.Select(r => r.MemberId).Distinct().ToList();
        var candidates = db.Members.Where(m => ids.Contains(m.Id)).Select(m => m.Id);
        if (groupIds.Count > 0)
        {
            var actor = news.ActorId;
            candidates = candidates.Union(db.Groups.Where(g => groupIds.Contains(g.Id)).SelectMany(g => g.Members)
                .Where(x => x.MemberId != actor).Select(x => x.MemberId).Distinct().OrderBy(x => x).Take(ConversationPolicy.MaxGroupMentionAudience));
        }
        if (watchers is { OfTheThread: true })
        {
            candidates = candidates.Union(db.ThreadWatches.Where(w => w.ThreadId == news.ThreadId && w.Level == WatchLevel.Watching).Select(w => w.MemberId));
        }

        if (watchers?.OfSpaceId is { } spaceId)
        {
            candidates = candidates.Union(db.SpaceWatches.Where(w => w.SpaceId == spaceId).Select(w => w.MemberId));
        }

        List<int> tagIds = [.. watchers?.OfTagIds ?? []];
        if (tagIds.Count > 0)
        {
            candidates = candidates.Union(db.TagWatches.Where(w => tagIds.Contains(w.TagId)).Select(w => w.MemberId));
        }

        var watchedSpaceId = watchers?.OfSpaceId;
        var (threadId, postId, actorId, spaceSlug) = (news.ThreadId, news.Post?.Id, news.ActorId, news.SpaceSlug);
        var audience = await (
                from m in db.Members
                join a in db.Accounts on m.Id equals a.MemberId
                where candidates.Contains(m.Id) && m.Id != actorId
                let id = m.Id
                select new
                {
                    Id = id,
                    m.DisplayName,
                    Account = a,
                    Muted = db.ThreadWatches.Any(w => w.ThreadId == threadId && w.MemberId == id && w.Level == WatchLevel.Muted),
                    // A member who ignores the one who acted hears nothing of it: no mention, no reply, no news (issue 14).
                    IgnoresActor = db.IgnoredMembers.Any(i => i.IgnorerId == id && i.IgnoredId == actorId),
                    Channels = db.NotificationPreferences.Where(p => p.MemberId == id).Select(p => new { p.Kind, p.Channel }).ToList(),
                    Told = db.Notifications.Where(n => n.RecipientId == id && n.ThreadId == threadId && n.PostId == postId && n.ActorId == actorId)
                        .Select(n => n.Kind).ToList(),
                    // Whether they may enter the thread's space (ConversationPolicy.MayEnter): its groups and theirs. By
                    // the space's address: a new thread is not saved yet when its news is told.
                    SpaceGroups = db.Spaces.Where(s => s.Slug == spaceSlug).SelectMany(s => s.Access.Select(x => x.GroupId)).ToList(),
                    Groups = db.Groups.SelectMany(g => g.Members).Where(g => g.MemberId == id).Select(g => g.GroupId).ToList(),
                    // Here only through a watched tag (not the space): told as such.
                    OnlyByTag = tagIds.Count > 0
                        && db.TagWatches.Any(w => w.MemberId == id && tagIds.Contains(w.TagId))
                        && !db.SpaceWatches.Any(w => w.MemberId == id && w.SpaceId == watchedSpaceId),
                })
            .AsNoTracking()
            .AsSingleQuery()
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var told = 0;
        foreach (var member in audience)
        {
            var kinds = named.Where(r => r.MemberId == member.Id).Select(r => r.Kind).ToList();
            if (groupIds.Count > 0 && member.Groups.Any(groupIds.Contains))
            {
                kinds.Add(NotificationKind.Mention);
            }

            if (watchers is not null && kinds.Count == 0)
            {
                kinds.Add(member.OnlyByTag ? NotificationKind.ThreadInWatchedTag : watchers.Kind);
            }

            var kind = kinds.MinBy(NotificationDefaults.Precedence);
            if (member.IgnoresActor
                || !ConversationPolicy.MayEnter(member.Account.AsViewer(), member.SpaceGroups, member.Groups)
                || (member.Muted && IsAboutTheConversation(kind))
                || (news.Post is { } post && !MaySee(member.Account, post.State, kind))
                || (member.Told.Contains(kind) && !IsNewEachTime(kind)))
            {
                continue;
            }

            var channel = member.Channels.Find(c => c.Kind == kind)?.Channel ?? NotificationDefaults.ChannelFor(kind);
            if (channel == NotificationChannel.None)
            {
                continue;
            }

            batch.Add(Notification.Create(member.Id, kind, actorId, threadId, postId, now));
            told++;
            if (channel == NotificationChannel.InAppAndEmail && member.Account.Mailable)
            {
                var excerpt = news.Post?.Body is { } body ? body.Length > ExcerptLength ? body[..ExcerptLength] + "\u2026" : body : null;
                var content = emails.Notification(new NotificationEmail(kind, news.ActorName, news.ThreadTitle, news.SpaceName, news.SpaceSlug, threadId, postId, excerpt));
                db.Emails.Add(content.To(member.Account.Email, member.DisplayName, "notification", now));
            }
        }

        logger.LogDebug("Told {Count} members about thread {ThreadId} post {PostId}", told, threadId, postId);
        return told;
    }

    /// <summary>What a notification is about, for events that carry only ids (help given, a moderator's action): one statement.</summary>
    public async Task<News?> NewsAboutAsync(long threadId, long? postId, Guid actorId, CancellationToken cancellationToken) =>
        await (
                from t in db.Threads.AsNoTracking()
                join s in db.Spaces on t.SpaceId equals s.Id
                where t.Id == threadId
                select new News(
                    t.Id,
                    t.Title,
                    s.Slug,
                    s.Name,
                    actorId,
                    db.Members.Where(m => m.Id == actorId).Select(m => m.DisplayName).FirstOrDefault() ?? "Someone",
                    postId == null ? null : db.Posts.Where(p => p.Id == postId && p.ThreadId == t.Id)
                        .Select(p => new NewsPost(p.Id, new PostSnapshot(p.AuthorId, p.IsOpeningPost, p.IsStaffNote, p.HiddenAt, p.DeletedAt, p.AwaitingApproval), p.Body))
                        .FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Each status change of an idea is news of its own, even from the same person (Planned, then Shipped).</summary>
    private static bool IsNewEachTime(NotificationKind kind) => kind is NotificationKind.IdeaStatusChanged;

    private static bool IsAboutTheConversation(NotificationKind kind) =>
        kind is NotificationKind.ReplyToYourThread or NotificationKind.ReplyToYourPost or NotificationKind.ReplyInWatchedThread
            or NotificationKind.ThreadInWatchedSpace or NotificationKind.ThreadInWatchedTag or NotificationKind.Mention;

    private static bool MaySee(AccountRecord account, IPostState post, NotificationKind kind) =>
        post.AuthorId == account.MemberId
            // Authors hear what is done to their own post, even once it is hidden; a deleted one they removed themselves.
            ? post.DeletedAt is null || kind == NotificationKind.ModeratorAction
            : ConversationPolicy.IsListed(account.AsViewer(), post);

    /// <summary>A member to tell, and what to tell them.</summary>
    public sealed record Recipient(Guid MemberId, NotificationKind Kind);
}

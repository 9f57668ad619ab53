using System.Collections.Concurrent;
using System.Net;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Email;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Notifications;

/// <summary>The one way to tell members that something happened, for every feature (replies, mentions, accepted
/// answers, "helped me", moderation). Call it inside the transaction of the cause: it only adds rows (the in-app
/// notification and, when the member chose e-mail, a queued e-mail), which the caller's transaction commits
/// with the cause or not at all.
/// <list type="bullet">
/// <item>Nobody is told of their own action.</item>
/// <item>Nobody is told of a post they may not see (a staff note to a member, a hidden or deleted post), except
/// that an author hears what happened to their own post (a moderator hid it).</item>
/// <item>A muted thread tells its member nothing about the conversation in it.</item>
/// <item>Each member's choice per kind applies (in the app, also by e-mail, or not at all); e-mail goes only to a
/// confirmed address.</item>
/// <item>One event tells each member once, in the most personal kind (a reply to your post in a thread you
/// watch is "replied to your post"), and the same event sent twice is not recorded twice.</item>
/// </list></summary>
public sealed class Notifier(
    ICommunityDb db,
    IIdentityService identity,
    TimeProvider clock,
    IOptions<CommunityOptions> options,
    ILogger<Notifier> logger)
{
    private const int ExcerptLength = 600;

    private static readonly ConcurrentDictionary<(bool, bool), Func<Post, bool>> ListedRules = new();

    /// <summary>Tells one member. <paramref name="postId"/> is the post it is about, if any (null for the thread as a whole).</summary>
    /// <returns>Whether the member was told (false when a rule above kept quiet).</returns>
    public async Task<bool> NotifyAsync(Guid recipientId, NotificationKind kind, Guid? actorId, long threadId, long? postId, CancellationToken cancellationToken) =>
        await NotifyManyAsync([new Recipient(recipientId, kind)], actorId, threadId, postId, cancellationToken) == 1;

    /// <summary>Tells several members of one event.</summary>
    /// <returns>How many were told.</returns>
    public async Task<int> NotifyManyAsync(IEnumerable<Recipient> recipients, Guid? actorId, long threadId, long? postId, CancellationToken cancellationToken)
    {
        var chosen = recipients
            .Where(r => r.MemberId != actorId && r.MemberId != Guid.Empty)
            .GroupBy(r => r.MemberId)
            .Select(g => g.MinBy(r => NotificationDefaults.Precedence(r.Kind))!)
            .ToList();
        if (chosen.Count == 0)
        {
            return 0;
        }

        var about = await (
                from t in db.Threads.AsNoTracking()
                join s in db.Spaces on t.SpaceId equals s.Id
                where t.Id == threadId
                select new
                {
                    t.Title,
                    SpaceSlug = s.Slug,
                    SpaceName = s.Name,
                    ActorName = db.Members.Where(m => m.Id == actorId).Select(m => m.DisplayName).FirstOrDefault(),
                })
            .FirstOrDefaultAsync(cancellationToken);
        if (about is null)
        {
            return 0;
        }

        Post? post = null;
        if (postId is { } id)
        {
            post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.ThreadId == threadId, cancellationToken);
            if (post is null)
            {
                return 0;
            }
        }

        var ids = chosen.Select(r => r.MemberId).ToList();
        var muted = await db.ThreadWatches
            .Where(w => w.ThreadId == threadId && w.Level == WatchLevel.Muted && ids.Contains(w.MemberId))
            .Select(w => w.MemberId)
            .ToListAsync(cancellationToken);
        var preferences = await db.NotificationPreferences
            .Where(p => ids.Contains(p.MemberId))
            .ToDictionaryAsync(p => (p.MemberId, p.Kind), p => p.Channel, cancellationToken);
        // What this event already told (saved, or added earlier in this same transaction by another subscriber).
        var saved = await db.Notifications
            .Where(n => ids.Contains(n.RecipientId) && n.ThreadId == threadId && n.PostId == postId && n.ActorId == actorId)
            .ToListAsync(cancellationToken);
        var already = saved
            .Concat(db.Notifications.Local.Where(n => ids.Contains(n.RecipientId) && n.ThreadId == threadId && n.PostId == postId && n.ActorId == actorId))
            .Distinct()
            .ToList();
        var accounts = await identity.AccountsAsync(ids, cancellationToken);

        var now = clock.GetUtcNow();
        NotificationChannel ChannelOf(Guid memberId, NotificationKind kind) =>
            preferences.TryGetValue((memberId, kind), out var chosen) ? chosen : NotificationDefaults.ChannelFor(kind);

        var told = 0;
        foreach (var recipient in chosen)
        {
            if (!accounts.TryGetValue(recipient.MemberId, out var account)
                || (muted.Contains(recipient.MemberId) && IsAboutTheConversation(recipient.Kind))
                || (post is not null && !MaySee(account, post, recipient.Kind)))
            {
                continue;
            }

            var channel = ChannelOf(recipient.MemberId, recipient.Kind);
            var earlier = already.Where(n => n.RecipientId == recipient.MemberId).ToList();
            if (earlier.Any(n => n.Kind == recipient.Kind))
            {
                continue; // the same event again: never doubled
            }

            if (IsAboutTheConversation(recipient.Kind) && earlier.Find(n => IsAboutTheConversation(n.Kind)) is { } toldBefore)
            {
                // Another subscriber already told this member about this post (say "replied in a thread you watch"),
                // and this is more personal ("mentioned you"): one notification, in the more personal kind.
                var before = ChannelOf(recipient.MemberId, toldBefore.Kind);
                if (channel != NotificationChannel.None && toldBefore.Retell(recipient.Kind))
                {
                    told++;
                    if (channel == NotificationChannel.InAppAndEmail && before != NotificationChannel.InAppAndEmail && account.EmailConfirmed)
                    {
                        db.Emails.Add(Compose(account, recipient.Kind, about.ActorName ?? "Someone", about.Title, about.SpaceName, about.SpaceSlug, threadId, post, now));
                    }
                }

                continue;
            }

            if (channel == NotificationChannel.None)
            {
                continue;
            }

            var notification = Notification.Create(recipient.MemberId, recipient.Kind, actorId, threadId, postId, now);
            db.Notifications.Add(notification);
            already.Add(notification);
            told++;
            if (channel == NotificationChannel.InAppAndEmail && account.EmailConfirmed)
            {
                db.Emails.Add(Compose(account, recipient.Kind, about.ActorName ?? "Someone", about.Title, about.SpaceName, about.SpaceSlug, threadId, post, now));
            }
        }

        logger.LogDebug("Told {Count} members about thread {ThreadId} post {PostId}", told, threadId, postId);
        return told;
    }

    private static bool IsAboutTheConversation(NotificationKind kind) =>
        kind is NotificationKind.ReplyToYourThread or NotificationKind.ReplyToYourPost or NotificationKind.ReplyInWatchedThread
            or NotificationKind.ThreadInWatchedSpace or NotificationKind.Mention;

    private static bool MaySee(MemberAccount account, Post post, NotificationKind kind)
    {
        if (post.AuthorId == account.MemberId)
        {
            // Authors hear what is done to their own post, even once it is hidden; a deleted one they removed themselves.
            return post.DeletedAt is null || kind == NotificationKind.ModeratorAction;
        }

        var viewer = Viewer.Of(new AccountAsUser(account));
        var listed = ListedRules.GetOrAdd((viewer.SeesStaffNotes, viewer.SeesHiddenPosts), _ => PostVisibility.ListedFor(viewer).Compile());
        return listed(post);
    }

    private QueuedEmail Compose(MemberAccount to, NotificationKind kind, string actorName, string threadTitle, string spaceName, string spaceSlug, long threadId, Post? post, DateTimeOffset now)
    {
        var community = options.Value;
        var link = community.Link(NotificationWording.PostPath(spaceSlug, threadId, post?.Id));
        var settings = community.Link("/notifications/settings");
        var verb = NotificationWording.Verb(kind);
        var subject = $"{actorName} {verb} \u201c{threadTitle}\u201d";
        var excerpt = post is null ? string.Empty
            : post.Body.Length > ExcerptLength ? post.Body[..ExcerptLength] + "\u2026" : post.Body;

        var text = $"{actorName} {verb} \u201c{threadTitle}\u201d in {spaceName}.\n\n"
            + (excerpt.Length > 0 ? excerpt + "\n\n" : string.Empty)
            + $"Read it on {community.Name}: {link}\n\n-- \nYou get this e-mail because of your notification settings: {settings}\n";
        var html = "<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:sans-serif;line-height:1.5\">"
            + $"<p><strong>{H(actorName)}</strong> {H(verb)} <a href=\"{H(link)}\">{H(threadTitle)}</a> in {H(spaceName)}.</p>"
            + (excerpt.Length > 0 ? $"<blockquote style=\"white-space:pre-wrap;border-left:3px solid #ccc;margin:0;padding-left:1em\">{H(excerpt)}</blockquote>" : string.Empty)
            + $"<p><a href=\"{H(link)}\">Read it on {H(community.Name)}</a></p>"
            + $"<p style=\"color:#555;font-size:small\">You get this e-mail because of your <a href=\"{H(settings)}\">notification settings</a>.</p></body></html>";
        return QueuedEmail.Create(to.Email, to.DisplayName, subject, text, html, "notification", now);
    }

    private static string H(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A member to tell, and what to tell them.</summary>
    public sealed record Recipient(Guid MemberId, NotificationKind Kind);

    /// <summary>Lets <see cref="Viewer.Of"/> — the one place that maps roles to what one may see — judge a recipient.</summary>
    private sealed class AccountAsUser(MemberAccount account) : ICurrentUser
    {
        public Guid? MemberId => account.MemberId;

        public bool IsInRole(string role) => account.Roles.Contains(role);
    }
}

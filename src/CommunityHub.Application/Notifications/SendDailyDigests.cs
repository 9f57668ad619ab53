using System.Net;
using System.Text;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Email;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Notifications;

/// <summary>The daily digest: for each member who opted in and whose last digest is a day old, the best new threads
/// (most replies) and the best new replies (most answered) since then in the spaces they watch, that they may see.
/// Each digest is claimed by moving the member's digest date in SQL, so two app instances never send it twice;
/// a day with nothing new sends nothing.</summary>
public static class SendDailyDigests
{
    public const int ThreadsPerDigest = 5;
    public const int RepliesPerDigest = 5;

    /// <summary>Sent by the background scheduler (no page sends it).</summary>
    public sealed record Command(int MaxMembers = 200) : ICommand<int>;

    public sealed class Handler(ICommunityDb db, IIdentityService identity, TimeProvider clock, IOptions<CommunityOptions> options) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var dayAgo = now.AddDays(-1);
            var due = await db.DigestSubscriptions.AsNoTracking()
                .Where(d => (d.LastDigestAt ?? d.Since) <= dayAgo)
                .OrderBy(d => d.LastDigestAt ?? d.Since)
                .Take(request.MaxMembers)
                .Select(d => new { d.MemberId, From = d.LastDigestAt ?? d.Since })
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return 0;
            }

            var accounts = await identity.AccountsAsync(due.Select(d => d.MemberId).ToList(), cancellationToken);
            var queued = 0;
            foreach (var member in due)
            {
                // Claim: only the instance whose update moves the date makes this digest.
                var since = member.From;
                var claimed = await db.DigestSubscriptions
                    .Where(d => d.MemberId == member.MemberId && (d.LastDigestAt ?? d.Since) == since)
                    .ExecuteUpdateAsync(d => d.SetProperty(x => x.LastDigestAt, now), cancellationToken);
                if (claimed == 0 || !accounts.TryGetValue(member.MemberId, out var account) || !account.EmailConfirmed)
                {
                    continue;
                }

                var digest = await ComposeAsync(account, since, now, cancellationToken);
                if (digest is not null)
                {
                    db.Emails.Add(digest);
                    queued++;
                }
            }

            return queued;
        }

        private async Task<QueuedEmail?> ComposeAsync(MemberAccount account, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var viewer = Viewer.Of(new AccountUser(account));
            var listed = db.Posts.Where(PostVisibility.ListedFor(viewer));
            var spaces = db.SpaceWatches.Where(w => w.MemberId == account.MemberId).Select(w => w.SpaceId);
            var threads = await (
                    from t in db.Threads.AsNoTracking()
                    join s in db.Spaces on t.SpaceId equals s.Id
                    join a in db.Members on t.AuthorId equals a.Id
                    where spaces.Contains(t.SpaceId) && t.CreatedAt > since && t.CreatedAt <= now && t.AuthorId != account.MemberId
                        && listed.Any(p => p.ThreadId == t.Id && p.IsOpeningPost)
                    orderby t.ReplyCount descending, t.Id descending
                    select new { t.Id, t.Title, s.Slug, SpaceName = s.Name, Author = a.DisplayName, t.ReplyCount })
                .Take(ThreadsPerDigest)
                .ToListAsync(cancellationToken);
            var replies = await (
                    from p in listed.AsNoTracking()
                    join t in db.Threads on p.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    join a in db.Members on p.AuthorId equals a.Id
                    where !p.IsOpeningPost && spaces.Contains(t.SpaceId) && p.CreatedAt > since && p.CreatedAt <= now && p.AuthorId != account.MemberId
                    let answers = db.Posts.Count(r => r.InReplyToPostId == p.Id)
                    orderby answers descending, p.Id descending
                    select new { p.Id, ThreadId = t.Id, t.Title, s.Slug, Author = a.DisplayName, p.Body, Answers = answers })
                .Take(RepliesPerDigest)
                .ToListAsync(cancellationToken);
            if (threads.Count == 0 && replies.Count == 0)
            {
                return null;
            }

            var community = options.Value;
            var text = new StringBuilder($"The best of {community.Name} since {since:d MMMM HH:mm} UTC, in the spaces you watch.\n\n");
            var html = new StringBuilder($"<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:sans-serif;line-height:1.5\"><h1 style=\"font-size:1.3em\">The best of {H(community.Name)}</h1><p>Since {since:d MMMM HH:mm} UTC, in the spaces you watch.</p>");
            if (threads.Count > 0)
            {
                text.Append("New threads\n");
                html.Append("<h2 style=\"font-size:1.1em\">New threads</h2><ul>");
                foreach (var t in threads)
                {
                    var link = community.Link($"/s/{t.Slug}/t/{t.Id}");
                    text.Append($"- {t.Title} ({t.SpaceName}), by {t.Author}, {t.ReplyCount} replies: {link}\n");
                    html.Append($"<li><a href=\"{H(link)}\">{H(t.Title)}</a> in {H(t.SpaceName)}, by {H(t.Author)}, {t.ReplyCount} replies</li>");
                }

                text.Append('\n');
                html.Append("</ul>");
            }

            if (replies.Count > 0)
            {
                text.Append("Replies worth reading\n");
                html.Append("<h2 style=\"font-size:1.1em\">Replies worth reading</h2><ul>");
                foreach (var r in replies)
                {
                    var link = community.Link(NotificationWording.PostPath(r.Slug, r.ThreadId, r.Id));
                    var excerpt = r.Body.Length > 200 ? r.Body[..200] + "\u2026" : r.Body;
                    text.Append($"- {r.Author} in \u201c{r.Title}\u201d: {excerpt.ReplaceLineEndings(" ")}\n  {link}\n");
                    html.Append($"<li><a href=\"{H(link)}\">{H(r.Author)} in \u201c{H(r.Title)}\u201d</a>: {H(excerpt)}</li>");
                }

                html.Append("</ul>");
            }

            var settings = community.Link("/notifications/settings");
            text.Append($"\n-- \nYou asked for this daily digest. Stop it or change what you watch: {settings}\n");
            html.Append($"<p style=\"color:#555;font-size:small\">You asked for this daily digest. <a href=\"{H(settings)}\">Stop it or change what you watch</a>.</p></body></html>");
            return QueuedEmail.Create(account.Email, account.DisplayName, $"Your daily digest from {community.Name}", text.ToString(), html.ToString(), "digest", now);
        }

        private static string H(string text) => WebUtility.HtmlEncode(text);
    }

    private sealed class AccountUser(MemberAccount account) : ICurrentUser
    {
        public Guid? MemberId => account.MemberId;

        public bool IsInRole(string role) => account.Roles.Contains(role);
    }
}

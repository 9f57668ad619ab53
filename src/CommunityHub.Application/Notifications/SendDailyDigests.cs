using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Notifications;

/// <summary>The daily digest: for each member who opted in and whose last digest is a day old, the best new threads
/// (most replies) and the best new replies (most answered) since then in the spaces and tags they watch, that they may see.
/// Each digest is claimed by moving the member's digest date in SQL, so two app instances never send it twice;
/// a day with nothing new sends nothing.</summary>
public static class SendDailyDigests
{
    public const int ThreadsPerDigest = 5;
    public const int RepliesPerDigest = 5;

    /// <summary>Sent by the background scheduler (no page sends it).</summary>
    public sealed record Command(int MaxMembers = 200) : ICommand<int>;

    public sealed class Handler(ICommunityDb db, IEmailComposer emails, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var dayAgo = now.AddDays(-1);
            var due = await (
                    from d in db.DigestSubscriptions.AsNoTracking()
                    join m in db.Members on d.MemberId equals m.Id
                    join a in db.Accounts on d.MemberId equals a.MemberId
                    where (d.LastDigestAt ?? d.Since) <= dayAgo
                    orderby d.LastDigestAt ?? d.Since
                    select new { From = d.LastDigestAt ?? d.Since, m.DisplayName, Account = a })
                .Take(request.MaxMembers)
                .ToListAsync(cancellationToken);
            var queued = 0;
            foreach (var member in due)
            {
                // Claim: only the instance whose update moves the date makes this digest.
                var (memberId, since) = (member.Account.MemberId, member.From);
                var claimed = await db.DigestSubscriptions
                    .Where(d => d.MemberId == memberId && (d.LastDigestAt ?? d.Since) == since)
                    .ExecuteUpdateAsync(d => d.SetProperty(x => x.LastDigestAt, now), cancellationToken);
                if (claimed == 0 || !member.Account.Mailable)
                {
                    continue;
                }

                if (await GatherAsync(member.Account, since, now, cancellationToken) is { } digest)
                {
                    db.Emails.Add(emails.Digest(digest).To(member.Account.Email, member.DisplayName, "digest", now));
                    queued++;
                }
            }

            return queued;
        }

        /// <summary>What the member may see that is new in the spaces and tags they watch; null when there is nothing.</summary>
        private async Task<DigestEmail?> GatherAsync(AccountRecord account, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var listed = db.Posts.Where(ConversationPolicy.Listed<Post>(account.AsViewer()));
            var spaces = db.SpaceWatches.Where(w => w.MemberId == account.MemberId).Select(w => w.SpaceId);
            var tags = db.TagWatches.Where(w => w.MemberId == account.MemberId).Select(w => w.TagId);
            var threads = await (
                    from t in db.Threads.AsNoTracking()
                    join s in db.Spaces on t.SpaceId equals s.Id
                    join a in db.Members on t.AuthorId equals a.Id
                    where (spaces.Contains(t.SpaceId) || t.Tags.Any(x => tags.Contains(x.TagId))) && t.CreatedAt > since && t.CreatedAt <= now && t.AuthorId != account.MemberId
                        && listed.Any(p => p.ThreadId == t.Id && p.IsOpeningPost)
                    orderby t.ReplyCount descending, t.Id descending
                    select new DigestThread(t.Id, t.Title, s.Slug, s.Name, a.DisplayName, t.ReplyCount))
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
                    select new { p.Id, ThreadId = t.Id, t.Title, s.Slug, Author = a.DisplayName, p.Body })
                .Take(RepliesPerDigest)
                .ToListAsync(cancellationToken);
            return threads.Count == 0 && replies.Count == 0
                ? null
                : new DigestEmail(since, threads, [.. replies.Select(r => new DigestReply(r.Id, r.ThreadId, r.Title, r.Slug, r.Author, r.Body.Length > 200 ? r.Body[..200] + "\u2026" : r.Body))]);
        }
    }
}

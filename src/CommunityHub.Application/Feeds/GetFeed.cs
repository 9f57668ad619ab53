using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Feeds;

/// <summary>What a feed reader sees: the newest threads of the community or of one space, or the newest replies of
/// one thread. Feed readers carry no cookie, so a feed shows what an anonymous visitor may see, whoever asks — unless
/// its address carries a member's feed key (<see cref="FeedKey"/>): then it shows what that member may see. An
/// unknown or revoked key is a 404, never the public feed.</summary>
public static class GetFeed
{
    public const int Size = 20;

    /// <summary>No space and no thread: the whole community; a space: its threads; a thread: its replies; a tag
    /// (<paramref name="Tag"/>): the threads carrying it. <paramref name="Key"/>: a member's private feed key.</summary>
    public sealed record Query(string? SpaceSlug = null, long? ThreadId = null, string? Key = null, string? Tag = null) : IRequest<Feed>;

    /// <param name="Id">A stable id for the feed (a tag URI, RFC 4151): the same whatever the feed's title or address becomes.</param>
    /// <param name="SpaceSlug">The space whose page the feed follows (with <paramref name="ThreadId"/>, the thread's); null for the whole community.</param>
    public sealed record Feed(string Id, string Title, string Description, string? SpaceSlug, long? ThreadId, DateTimeOffset Updated, IReadOnlyList<Entry> Entries)
    {
        /// <summary>The tag whose page the feed follows, for a tag's feed.</summary>
        public string? Tag { get; init; }
    }

    /// <param name="Id">A stable tag URI per post.</param>
    /// <param name="PostId">The reply the entry is; null for a thread (its opening post).</param>
    public sealed record Entry(string Id, string Title, string SpaceSlug, long ThreadId, long? PostId, string AuthorName, DateTimeOffset Published, DateTimeOffset Updated, string ContentHtml);

    public sealed class Handler(ICommunityDb db, IOptions<CommunityOptions> options) : IRequestHandler<Query, Feed>
    {
        public async Task<Feed> Handle(Query request, CancellationToken cancellationToken)
        {
            var community = options.Value;
            var viewer = await ViewerAsync(request.Key, cancellationToken);
            var listed = db.Posts.AsNoTracking().Where(ConversationPolicy.Listed<Post>(viewer));
            var tag = $"tag:{community.PublicUrl.Host},2026:";
            if (request.ThreadId is { } threadId)
            {
                var thread = await (
                        from t in db.Threads.AsNoTracking().Where(ConversationPolicy.ThreadOpenTo(viewer))
                        join s in db.Spaces on t.SpaceId equals s.Id
                        where t.Id == threadId && s.Slug == request.SpaceSlug
                        select new { t.Id, t.Title, t.CreatedAt, SpaceSlug = s.Slug, SpaceName = s.Name })
                    .FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException("Thread", threadId);
                var replies = await (
                        from p in listed
                        join a in db.Members on p.AuthorId equals a.Id
                        where p.ThreadId == threadId && !p.IsOpeningPost
                        orderby p.Id descending
                        select new { p.Id, Author = a.DisplayName, p.CreatedAt, p.EditedAt, p.BodyHtml })
                    .Take(Size)
                    .ToListAsync(cancellationToken);
                var entries = replies.Select(r => new Entry(
                        $"{tag}post/{r.Id}",
                        $"Reply by {r.Author}",
                        thread.SpaceSlug,
                        thread.Id,
                        r.Id,
                        r.Author,
                        r.CreatedAt,
                        r.EditedAt ?? r.CreatedAt,
                        r.BodyHtml))
                    .ToList();
                return new Feed($"{tag}thread/{thread.Id}", thread.Title, $"The latest replies to \u201c{thread.Title}\u201d in {thread.SpaceName}.", thread.SpaceSlug, thread.Id,
                    entries.Count > 0 ? entries.Max(e => e.Updated) : thread.CreatedAt, entries);
            }

            var threads = db.Threads.AsNoTracking().Where(ConversationPolicy.ThreadOpenTo(viewer));
            string id, title, description;
            if (request.SpaceSlug is { } slug)
            {
                var space = await db.Spaces.AsNoTracking().Where(s => s.Slug == slug).Where(ConversationPolicy.SpaceOpenTo(viewer)).Select(s => new { s.Id, s.Name, s.Purpose }).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException("Space", slug);
                threads = threads.Where(t => t.SpaceId == space.Id);
                (id, title, description) = ($"{tag}space/{space.Id}", $"{space.Name} \u00b7 {community.Name}", space.Purpose);
            }
            else if (request.Tag is { } tagName)
            {
                var name = Domain.Tags.Tag.Normalise(tagName);
                var found = await db.Tags.AsNoTracking().Where(t => t.Name == name).Select(t => new { t.Id, t.Name, t.Description }).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException("Tag", name);
                threads = threads.Where(t => db.ThreadTags.Any(x => x.ThreadId == t.Id && x.TagId == found.Id));
                (id, title, description) = ($"{tag}tag/{found.Id}", $"#{found.Name} · {community.Name}",
                    found.Description.Length > 0 ? found.Description : $"The latest threads tagged {found.Name} in {community.Name}.");
            }
            else
            {
                (id, title, description) = ($"{tag}community", community.Name, $"The latest threads in {community.Name}.");
            }

            var latest = await (
                    from t in threads
                    join s in db.Spaces on t.SpaceId equals s.Id
                    join p in listed on t.Id equals p.ThreadId
                    join a in db.Members on p.AuthorId equals a.Id
                    where p.IsOpeningPost
                    orderby t.CreatedAt descending, t.Id descending
                    select new { t.Id, t.Title, s.Slug, Author = a.DisplayName, t.CreatedAt, p.EditedAt, p.BodyHtml, PostId = p.Id })
                .Take(Size)
                .ToListAsync(cancellationToken);
            var threadEntries = latest.Select(t => new Entry(
                    $"{tag}post/{t.PostId}",
                    t.Title,
                    t.Slug,
                    t.Id,
                    null,
                    t.Author,
                    t.CreatedAt,
                    t.EditedAt ?? t.CreatedAt,
                    t.BodyHtml))
                .ToList();
            return new Feed(id, title, description, request.SpaceSlug, null,
                threadEntries.Count > 0 ? threadEntries.Max(e => e.Updated) : DateTimeOffset.UnixEpoch, threadEntries)
            {
                Tag = request.ThreadId is null && request.SpaceSlug is null ? request.Tag : null,
            };
        }

        /// <summary>Whose feed it is: the member whose key the address carries, else an anonymous reader.</summary>
        private async Task<Viewer> ViewerAsync(string? key, CancellationToken cancellationToken)
        {
            if (key is null)
            {
                return Viewer.Anonymous;
            }

            var account = await (
                    from k in db.FeedKeys
                    join a in db.Accounts on k.MemberId equals a.MemberId
                    where k.Key == key
                    select a)
                .AsNoTracking()
                .FirstOrDefaultAsync(cancellationToken);
            return account?.AsViewer() ?? throw new NotFoundException("Feed key", "(withheld)");
        }
    }
}

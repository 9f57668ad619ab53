using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>A post's edit history: the current version, then every earlier one, newest first, with who
/// replaced it when. Readable by whoever may read the post itself.</summary>
public static class GetPostHistory
{
    public sealed record Query(long PostId) : IRequest<History>;

    public sealed record History(long PostId, long ThreadId, string ThreadTitle, string SpaceSlug, string AuthorName, string CurrentHtml, DateTimeOffset CurrentSince, IReadOnlyList<Version> Earlier);

    public sealed record Version(long Id, string BodyHtml, DateTimeOffset WrittenAt, string ReplacedByName, DateTimeOffset ReplacedAt);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, History>
    {
        public async Task<History> Handle(Query request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var post = await (
                    from p in db.Posts.AsNoTracking().Where(ConversationPolicy.Reviewable<Post>(viewer))
                    join a in db.Members on p.AuthorId equals a.Id
                    join t in db.Threads on p.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    where p.Id == request.PostId
                    select new { p.Id, p.ThreadId, t.Title, s.Slug, a.DisplayName, p.BodyHtml, Since = p.EditedAt ?? p.CreatedAt })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Post", request.PostId);
            var earlier = await (
                    from r in db.PostRevisions.AsNoTracking()
                    join editor in db.Members on r.ReplacedById equals editor.Id
                    where r.PostId == post.Id
                    orderby r.Id descending
                    select new Version(r.Id, r.BodyHtml, r.WrittenAt, editor.DisplayName, r.ReplacedAt))
                .ToListAsync(cancellationToken);
            return new History(post.Id, post.ThreadId, post.Title, post.Slug, post.DisplayName, post.BodyHtml, post.Since, earlier);
        }
    }
}

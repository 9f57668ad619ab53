using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>The edit form's content: the post's current text and version, for its author or a moderator. Only who
/// may edit is checked here; the post's and the thread's state, and the editor's standing, are refused on saving,
/// with the message on the form.</summary>
public static class GetPostForEditing
{
    [Authorize]
    public sealed record Query(long PostId) : IRequest<Draft>;

    public sealed record Draft(long PostId, long ThreadId, string ThreadTitle, string SpaceSlug, string AuthorName, bool IsOwnPost, string Body, string BodyHtml, uint Version);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, Draft>
    {
        public async Task<Draft> Handle(Query request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var post = await (
                    from p in db.Posts.AsNoTracking().Where(ConversationPolicy.Actionable<Post>(viewer))
                    join a in db.Members on p.AuthorId equals a.Id
                    join t in db.Threads on p.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    where p.Id == request.PostId
                    select new { p.Id, State = new PostSnapshot(p.AuthorId, p.IsOpeningPost, p.IsStaffNote, p.HiddenAt, p.DeletedAt, p.AwaitingApproval), p.Body, p.BodyHtml, p.Version, ThreadId = t.Id, t.Title, s.Slug, a.DisplayName })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Post", request.PostId);
            ConversationPolicy.OpenEditor(viewer, post.State).Enforce();
            return new Draft(post.Id, post.ThreadId, post.Title, post.Slug, post.DisplayName, viewer.Is(post.State.AuthorId), post.Body, post.BodyHtml, post.Version);
        }
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>The edit form's content: the post's current text and version, for its author or a moderator.</summary>
public static class GetPostForEditing
{
    [Authorize]
    public sealed record Query(long PostId) : IRequest<Draft>;

    public sealed record Draft(long PostId, long ThreadId, string ThreadTitle, string SpaceSlug, string AuthorName, bool IsOwnPost, string Body, string BodyHtml, uint Version);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Query, Draft>
    {
        public async Task<Draft> Handle(Query request, CancellationToken cancellationToken)
        {
            var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PostId, cancellationToken)
                ?? throw new NotFoundException("Post", request.PostId);
            var thread = await Editing.CheckMayEditAsync(db, currentUser, post, clock.GetUtcNow(), cancellationToken);
            var author = await db.Members.Where(m => m.Id == post.AuthorId).Select(m => m.DisplayName).FirstAsync(cancellationToken);
            return new Draft(post.Id, thread.Id, thread.Title, thread.SpaceSlug, author, post.AuthorId == currentUser.MemberId, post.Body, post.BodyHtml, post.Version);
        }
    }
}

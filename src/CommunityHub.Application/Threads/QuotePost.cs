using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>"Quote" on a post: its author and Markdown, for the reply form, when the viewer may read its words where it
/// stands (<see cref="ConversationPolicy.OnThreadPage{TPost}"/> and <see cref="ConversationPolicy.MayReadBody"/>).
/// Otherwise null: a staff note, a hidden or deleted post, or one in a space closed to the viewer quotes as nothing,
/// the same as a post that does not exist.</summary>
public static class QuotePost
{
    public sealed record Query(long ThreadId, long PostId) : IRequest<Quoted?>;

    public sealed record Quoted(long PostId, string AuthorName, string Body);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, Quoted?>
    {
        public async Task<Quoted?> Handle(Query request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var found = await (
                    from p in db.Posts.AsNoTracking().Where(ConversationPolicy.OnThreadPage<Post>(viewer))
                    where p.Id == request.PostId && p.ThreadId == request.ThreadId
                    join m in db.Members on p.AuthorId equals m.Id
                    select new { State = new PostSnapshot(p.AuthorId, p.IsOpeningPost, p.IsStaffNote, p.HiddenAt, p.DeletedAt), m.DisplayName, p.Body })
                .FirstOrDefaultAsync(cancellationToken);
            return found is null || !ConversationPolicy.MayReadBody(viewer, found.State)
                ? null
                : new Quoted(request.PostId, found.DisplayName, found.Body);
        }
    }

    /// <summary>The Markdown a quote inserts: "Alice Chen wrote:" linking back to the post, then its words, each line
    /// quoted (a quote inside it goes one level deeper). Rendered by the same pipeline and sanitiser as any post.</summary>
    public static string Markdown(string authorName, string postLink, string body)
    {
        ArgumentNullException.ThrowIfNull(authorName);
        ArgumentNullException.ThrowIfNull(body);
        var name = authorName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
        var lines = body.Trim().ReplaceLineEndings("\n").Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line);
        return $"> [{name} wrote:]({postLink})\n>\n{string.Join('\n', lines)}\n\n";
    }
}

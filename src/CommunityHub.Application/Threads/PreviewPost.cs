using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Posting;
using CommunityHub.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>What a post will look like, before it is posted: the same Markdown pipeline and @mention links as posting
/// (<see cref="Drafts"/>) and thread cards (<see cref="ThreadCards"/>), nothing written.</summary>
public static class PreviewPost
{
    [Authorize]
    public sealed record Query(string? Body) : IRequest<string>;

    public sealed class Handler(ICommunityDb db, Drafts drafts, ThreadCards threadCards, ICurrentUser currentUser) : IRequestHandler<Query, string>
    {
        public async Task<string> Handle(Query request, CancellationToken cancellationToken)
        {
            var body = request.Body ?? string.Empty;
            var handles = drafts.HandlesIn(body);
            var mentioned = handles.Count == 0 ? []
                : await db.Members.AsNoTracking().Where(m => handles.Contains(m.Handle)).Select(m => new MentionedMember(m.Id, m.Handle)).ToListAsync(cancellationToken);
            var html = drafts.Draft(body, mentioned, Guid.Empty).BodyHtml;
            // Links to threads show as the cards the post will show (to this reader, as the policy lets them see).
            return (await threadCards.ShowAsync([html], currentUser.Viewer(), cancellationToken))[0];
        }
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Posting;
using CommunityHub.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>What a post will look like, before it is posted: the same Markdown pipeline and @mention links as posting
/// (<see cref="Drafts"/>), nothing written.</summary>
public static class PreviewPost
{
    [Authorize]
    public sealed record Query(string? Body) : IRequest<string>;

    public sealed class Handler(ICommunityDb db, Drafts drafts) : IRequestHandler<Query, string>
    {
        public async Task<string> Handle(Query request, CancellationToken cancellationToken)
        {
            var body = request.Body ?? string.Empty;
            var handles = drafts.HandlesIn(body);
            var mentioned = handles.Count == 0 ? []
                : await db.Members.AsNoTracking().Where(m => handles.Contains(m.Handle)).Select(m => new MentionedMember(m.Id, m.Handle)).ToListAsync(cancellationToken);
            return drafts.Draft(body, mentioned, Guid.Empty).BodyHtml;
        }
    }
}

using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Spaces;

/// <summary>A space's name and purpose, for pages that show them above a form (one small statement,
/// no thread list).</summary>
public static class GetSpaceSummary
{
    public sealed record Query(string Slug) : IRequest<Summary>;

    public sealed record Summary(int Id, string Name, string Slug, string Purpose)
    {
        /// <summary>An Ideas space: its threads are ideas.</summary>
        public bool IsIdeas { get; init; }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, Summary>
    {
        public async Task<Summary> Handle(Query request, CancellationToken cancellationToken) =>
            await db.Spaces.AsNoTracking()
                .Where(s => s.Slug == request.Slug)
                .Where(ConversationPolicy.SpaceOpenTo(currentUser.Viewer()))
                .Select(s => new Summary(s.Id, s.Name, s.Slug, s.Purpose) { IsIdeas = s.IsIdeas })
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Space", request.Slug);
    }
}

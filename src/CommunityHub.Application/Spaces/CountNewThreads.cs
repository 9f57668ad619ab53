using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Spaces;

/// <summary>How many threads a space's list would show the viewer that are newer than the newest one their page
/// shows, for the live "new threads" bar. The same rules as <see cref="GetSpace"/>: 404 when the viewer may not enter
/// the space, and a thread awaiting approval is not counted. One statement.</summary>
public static class CountNewThreads
{
    /// <param name="AfterThreadId">The newest thread the reader's page shows.</param>
    public sealed record Query(string Slug, long AfterThreadId) : IRequest<int>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.AfterThreadId).GreaterThanOrEqualTo(0);
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, int>
    {
        public async Task<int> Handle(Query request, CancellationToken cancellationToken)
        {
            var listed = db.Threads.Where(ConversationPolicy.ListedInSpace());
            var space = await db.Spaces.AsNoTracking()
                .Where(s => s.Slug == request.Slug)
                .Where(ConversationPolicy.SpaceOpenTo(currentUser.Viewer()))
                .Select(s => new { New = listed.Count(t => t.SpaceId == s.Id && t.Id > request.AfterThreadId) })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Space", request.Slug);
            return space.New;
        }
    }
}

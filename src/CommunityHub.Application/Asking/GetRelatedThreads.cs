using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using MediatR;

namespace CommunityHub.Application.Asking;

/// <summary>A few threads related to the one being read, by its title (one statement; the thread itself left out).</summary>
public static class GetRelatedThreads
{
    public const int Count = 4;

    public sealed record Query(long ThreadId, string Title) : IRequest<IReadOnlyList<SimilarThread>>;

    public sealed class Handler(ISimilarThreads similar, ICurrentUser currentUser) : IRequestHandler<Query, IReadOnlyList<SimilarThread>>
    {
        public Task<IReadOnlyList<SimilarThread>> Handle(Query request, CancellationToken cancellationToken) =>
            similar.FindAsync(request.Title, currentUser.Viewer(), request.ThreadId, Count, cancellationToken, SimilarityMethod.Titles);
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Asking;

/// <summary>While a member writes a new thread's title: up to five existing threads that may already answer it,
/// solved ones first (with their accepted answer's first line). When some are shown, the form is recorded for the
/// deflection rate (once per form).</summary>
public static class SuggestSimilarThreads
{
    public const int Count = 5;

    [Authorize]
    public sealed class Command : ICommand<Result>
    {
        public string SpaceSlug { get; set; } = string.Empty;

        public string? Title { get; set; }

        /// <summary>The new-thread form's submission id; none (empty) records nothing.</summary>
        public Guid FormId { get; set; }
    }

    public sealed record Result(string SpaceSlug, Guid FormId, IReadOnlyList<SimilarThread> Threads);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, ISimilarThreads similar, IAskingLog log, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var spaceId = await db.Spaces.AsNoTracking()
                .Where(s => s.Slug == request.SpaceSlug)
                .Where(ConversationPolicy.SpaceOpenTo(viewer))
                .Select(s => (int?)s.Id)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Space", request.SpaceSlug);
            var title = request.Title?.Trim() ?? string.Empty;
            if (title.Length < 3)
            {
                return new Result(request.SpaceSlug, request.FormId, []);
            }

            var found = await similar.FindAsync(title[..Math.Min(title.Length, PostLimits.TitleMaxLength)], viewer, null, Count, cancellationToken);
            if (found.Count > 0 && request.FormId != Guid.Empty)
            {
                await log.ShownAsync(request.FormId, viewer.MemberId!.Value, spaceId, clock.GetUtcNow(), cancellationToken);
            }

            // Solved ones first, each group in order of similarity.
            return new Result(request.SpaceSlug, request.FormId, [.. found.OrderByDescending(t => t.IsSolved)]);
        }
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Asking;

/// <summary>The asker opened a suggested thread from their new-thread form: recorded (the first one counts), then
/// they read it.</summary>
public static class OpenSuggestion
{
    [Authorize]
    public sealed class Command : ICommand<Result>
    {
        public Guid FormId { get; set; }

        public long ThreadId { get; set; }
    }

    public sealed record Result(string SpaceSlug, long ThreadId);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IAskingLog log, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var slug = await db.Threads.AsNoTracking()
                .Where(t => t.Id == request.ThreadId)
                .Where(ConversationPolicy.ThreadOpenTo(viewer))
                .Select(t => t.Space!.Slug)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);
            if (request.FormId != Guid.Empty)
            {
                await log.OpenedAsync(request.FormId, viewer.MemberId!.Value, request.ThreadId, clock.GetUtcNow(), cancellationToken);
            }

            return new Result(slug, request.ThreadId);
        }
    }
}

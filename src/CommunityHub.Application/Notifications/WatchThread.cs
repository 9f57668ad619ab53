using CommunityHub.Domain.Threads;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Notifications;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Notifications;

/// <summary>A member watches a thread, mutes it, or goes back to normal.</summary>
public static class WatchThread
{
    [Authorize]
    public sealed class Command : ICommand<Unit>
    {
        public long ThreadId { get; set; }

        public ThreadWatchChoice Choice { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Choice).IsInEnum().WithMessage("Choose watching, normal or muted.");
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId!.Value;
            if (!await db.Threads.Where(ConversationPolicy.ThreadOpenTo(currentUser.Viewer())).AnyAsync(t => t.Id == request.ThreadId, cancellationToken))
            {
                throw new NotFoundException("Thread", request.ThreadId);
            }

            var watch = await db.ThreadWatches.FirstOrDefaultAsync(w => w.MemberId == me && w.ThreadId == request.ThreadId, cancellationToken);
            var now = clock.GetUtcNow();
            switch (request.Choice)
            {
                case ThreadWatchChoice.Normal when watch is not null:
                    db.ThreadWatches.Remove(watch);
                    break;
                case ThreadWatchChoice.Watching or ThreadWatchChoice.Muted:
                    var level = request.Choice == ThreadWatchChoice.Watching ? WatchLevel.Watching : WatchLevel.Muted;
                    if (watch is null)
                    {
                        db.ThreadWatches.Add(ThreadWatch.Create(me, request.ThreadId, level, now));
                    }
                    else
                    {
                        watch.Change(level, now);
                    }

                    break;
            }

            return Unit.Value;
        }
    }
}

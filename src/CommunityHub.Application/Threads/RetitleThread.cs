using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Posting;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Trust;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Threads;

/// <summary>The thread's starter (while it allows edits), a Leader, staff or a moderator gives a thread a clearer
/// title (<see cref="ConversationPolicy.Retitle"/>); anyone but the starter lands in the audit log.</summary>
public static class RetitleThread
{
    [Authorize]
    public sealed class Command : ICommand<Result>
    {
        public long ThreadId { get; set; }

        public string Title { get; set; } = string.Empty;
    }

    public sealed record Result(long ThreadId, string SpaceSlug);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Title).ValidTitle();
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IKeys keys, Writers writers, IOptionsSnapshot<TrustOptions> trust, TimeProvider clock)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var me = viewer.MemberId!.Value;
            // Two people retitling at once: one after the other, the second one's "that is the title already" honest.
            if (!await keys.LockThreadAsync(request.ThreadId, cancellationToken))
            {
                throw new NotFoundException("Thread", request.ThreadId);
            }

            // A thread the viewer may not open (another group's space, a held thread) is a 404, as everywhere.
            var thread = await db.Threads
                .Where(ConversationPolicy.ThreadOpenTo(viewer))
                .FirstOrDefaultAsync(t => t.Id == request.ThreadId, cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);
            var found = await db.Spaces.AsNoTracking()
                .Where(s => s.Id == thread.SpaceId)
                .Select(s => new { s.Slug, Trust = writers.Rows.Where(w => w.MemberId == me).Select(w => w.TrustRecord).FirstOrDefault() })
                .FirstAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var level = found.Trust is { } record ? TrustRules.Of(record, trust.Value, now).Level : TrustLevel.New;
            thread.Retitle(viewer, level, request.Title, now);
            return new Result(thread.Id, found.Slug);
        }
    }
}

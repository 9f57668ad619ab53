using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Tags;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Trust;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Tags;

/// <summary>The thread's starter, a Leader, staff or a moderator changes a thread's tags (the whole set at once).</summary>
public static class RetagThread
{
    [Authorize]
    public sealed class Command : ICommand<Result>
    {
        public long ThreadId { get; set; }

        /// <summary>The names of the tags the thread should carry from now on.</summary>
        public IList<string> Tags { get; set; } = [];
    }

    public sealed record Result(long ThreadId, string SpaceSlug);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IKeys keys, Writers writers, IOptionsSnapshot<TrustOptions> trust, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var me = viewer.MemberId!.Value;
            var names = ThreadTagging.Names(request.Tags);
            // Two people retagging at once: one after the other, each replacing the whole set.
            if (!await keys.LockThreadAsync(request.ThreadId, cancellationToken))
            {
                throw new NotFoundException("Thread", request.ThreadId);
            }

            var thread = await db.Threads.Include(t => t.Tags)
                .Where(ConversationPolicy.ThreadOpenTo(viewer))
                .FirstOrDefaultAsync(t => t.Id == request.ThreadId, cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);
            var context = await db.Spaces.AsNoTracking()
                .Where(s => s.Id == thread.SpaceId)
                .Select(s => new
                {
                    s.Slug,
                    Tags = db.Tags.Where(t => names.Contains(t.Name)).Select(t => new TagChoice(t.Id, t.Name, t.GroupId)).ToList(),
                    Required = db.TagGroups.Where(g => g.RequiredIn.Any(r => r.SpaceId == s.Id)).Select(g => new RequiredTagGroup(g.Id, g.Name)).ToList(),
                    // A Leader tags any thread: their level rides along in this statement.
                    Trust = writers.Rows.Where(w => w.MemberId == me).Select(w => w.TrustRecord).FirstOrDefault(),
                })
                .FirstAsync(cancellationToken);
            // Whether they may tag is asked before the names are judged: a plain member learns nothing about the tags.
            var level = context.Trust is { } record ? TrustRules.Of(record, trust.Value, clock.GetUtcNow()).Level : TrustLevel.New;
            ConversationPolicy.Tag(viewer, thread, level).Enforce();
            thread.Retag(viewer, ThreadTagging.Known(names, context.Tags), context.Required, level);
            return new Result(thread.Id, context.Slug);
        }
    }
}

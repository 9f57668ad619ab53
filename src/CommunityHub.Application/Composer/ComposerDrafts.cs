using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Events;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Drafts;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Composer;

/// <summary>Where a draft belongs: a reply to a thread, or a new thread in a space (by its slug).</summary>
public sealed record DraftPlace(long? ThreadId, string? SpaceSlug)
{
    public bool IsValid => (ThreadId is not null) != (SpaceSlug is not null);
}

/// <summary>A draft as the composer restores it.</summary>
public sealed record DraftView(long Id, string? Title, string Body, DateTimeOffset UpdatedAt);

/// <summary>The composer saves what the member types (debounced, by script): one draft per member and place. Only a
/// place the member may enter (<see cref="ConversationPolicy.ThreadOpenTo"/>, <see cref="ConversationPolicy.SpaceOpenTo"/>)
/// takes a draft; elsewhere it is a 404, as the page would be. Saving nothing (blank title and text) removes the draft.</summary>
public static class SaveDraft
{
    [Authorize]
    public sealed class Command : ICommand<DraftView?>
    {
        public long? ThreadId { get; set; }

        public string? SpaceSlug { get; set; }

        public string? Title { get; set; }

        public string? Body { get; set; }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, DraftView?>
    {
        public async Task<DraftView?> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.Viewer().MemberId!.Value;
            var draft = await DraftQueries.FindAsync(db, currentUser, new DraftPlace(request.ThreadId, request.SpaceSlug), tracking: true, cancellationToken);
            var now = clock.GetUtcNow();
            if (Draft.IsBlank(request.Title, request.Body))
            {
                if (draft.Draft is not null)
                {
                    db.Drafts.Remove(draft.Draft);
                }

                return null;
            }

            var saved = draft.Draft;
            if (saved is null)
            {
                saved = request.ThreadId is { } thread ? Draft.ForReply(me, thread, now) : Draft.ForNewThread(me, draft.SpaceId!.Value, now);
                db.Drafts.Add(saved);
            }

            saved.Write(request.Title, request.Body, now);
            return new DraftView(saved.Id, saved.Title, saved.Body, saved.UpdatedAt);
        }
    }
}

/// <summary>The member's draft for a place, to restore in the composer; null when there is none.</summary>
public static class GetDraft
{
    [Authorize]
    public sealed record Query(DraftPlace Place) : IRequest<DraftView?>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, DraftView?>
    {
        public async Task<DraftView?> Handle(Query request, CancellationToken cancellationToken)
        {
            var found = await DraftQueries.FindAsync(db, currentUser, request.Place, tracking: false, cancellationToken);
            return found.Draft is { } d ? new DraftView(d.Id, d.Title, d.Body, d.UpdatedAt) : null;
        }
    }
}

/// <summary>The member's open drafts, newest first, each where it belongs (a thread or space they may no longer enter
/// is left out: the draft waits, unseen, until they may again or the place is gone).</summary>
public static class ListDrafts
{
    public const int Most = 100;

    [Authorize]
    public sealed record Query : IRequest<IReadOnlyList<Summary>>;

    public sealed record Summary(long Id, long? ThreadId, string? ThreadTitle, string SpaceSlug, string SpaceName, string? Title, string Body, DateTimeOffset UpdatedAt);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, IReadOnlyList<Summary>>
    {
        public async Task<IReadOnlyList<Summary>> Handle(Query request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var me = viewer.MemberId!.Value;
            var threads = db.Threads.Where(ConversationPolicy.ThreadOpenTo(viewer));
            var spaces = db.Spaces.Where(ConversationPolicy.SpaceOpenTo(viewer));
            var replies =
                from d in db.Drafts.AsNoTracking()
                where d.MemberId == me && d.ThreadId != null
                join t in threads on d.ThreadId equals (long?)t.Id
                join s in db.Spaces on t.SpaceId equals s.Id
                orderby d.UpdatedAt descending
                select new Summary(d.Id, d.ThreadId, t.Title, s.Slug, s.Name, d.Title, d.Body, d.UpdatedAt);
            var newThreads =
                from d in db.Drafts.AsNoTracking()
                where d.MemberId == me && d.SpaceId != null
                join s in spaces on d.SpaceId equals (int?)s.Id
                orderby d.UpdatedAt descending
                select new Summary(d.Id, null, null, s.Slug, s.Name, d.Title, d.Body, d.UpdatedAt);
            // Two small queries (EF does not translate a union of these projections), merged newest first.
            var both = (await replies.Take(Most).ToListAsync(cancellationToken))
                .Concat(await newThreads.Take(Most).ToListAsync(cancellationToken));
            return [.. both.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Take(Most)];
        }
    }
}

/// <summary>The member throws a draft away. Only their own: another member's draft id is a 404.</summary>
public static class DiscardDraft
{
    [Authorize]
    public sealed record Command(long Id) : ICommand<Unit>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.Viewer().MemberId!.Value;
            var draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == request.Id && d.MemberId == me, cancellationToken)
                ?? throw new NotFoundException("Draft", request.Id);
            db.Drafts.Remove(draft);
            return Unit.Value;
        }
    }
}

/// <summary>Posting discards the draft it came from: a reply's for its thread, a new thread's for its space.</summary>
public sealed class DiscardDraftOnPosting(ICommunityDb db) : IDomainEventSubscriber<ThreadStarted>, IDomainEventSubscriber<ReplyPosted>
{
    public Task Handle(ThreadStarted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var author = domainEvent.OpeningPost.AuthorId;
        var space = domainEvent.Place.SpaceId;
        return db.Drafts.Where(d => d.MemberId == author && d.SpaceId == space).ExecuteDeleteAsync(cancellationToken);
    }

    public Task Handle(ReplyPosted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var author = domainEvent.Reply.AuthorId;
        var thread = domainEvent.Reply.ThreadId;
        return db.Drafts.Where(d => d.MemberId == author && d.ThreadId == thread).ExecuteDeleteAsync(cancellationToken);
    }
}

internal static class DraftQueries
{
    /// <summary>The member's draft for a place they may enter (null when none yet), and the space's id for a new
    /// thread. A place that does not exist, or that is closed to them, is a 404.</summary>
    public static async Task<(Draft? Draft, int? SpaceId)> FindAsync(ICommunityDb db, ICurrentUser currentUser, DraftPlace place, bool tracking, CancellationToken cancellationToken)
    {
        if (!place.IsValid)
        {
            throw new NotFoundException("Draft place", place);
        }

        var viewer = currentUser.Viewer();
        var me = viewer.MemberId!.Value;
        var drafts = tracking ? db.Drafts : db.Drafts.AsNoTracking();
        if (place.ThreadId is { } threadId)
        {
            if (!await db.Threads.Where(ConversationPolicy.ThreadOpenTo(viewer)).AnyAsync(t => t.Id == threadId, cancellationToken))
            {
                throw new NotFoundException("Thread", threadId);
            }

            return (await drafts.FirstOrDefaultAsync(d => d.MemberId == me && d.ThreadId == threadId, cancellationToken), null);
        }

        var spaceId = await db.Spaces.Where(ConversationPolicy.SpaceOpenTo(viewer)).Where(s => s.Slug == place.SpaceSlug).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Space", place.SpaceSlug!);
        return (await drafts.FirstOrDefaultAsync(d => d.MemberId == me && d.SpaceId == spaceId, cancellationToken), spaceId);
    }
}

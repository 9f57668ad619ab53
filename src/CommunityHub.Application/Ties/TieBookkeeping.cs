using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Ties;

/// <summary>Keeps the tie store current as posts are written: in the post's own transaction, a handful of
/// indexed lookups and O(1) work per affected pair. Staff notes are conversations among the company's people
/// that members never see; they build no ties.</summary>
public sealed class TieBookkeeping(ICommunityDb db, ITieStore store, IOptions<TieOptions> options)
    : INotificationHandler<ThreadStarted>, INotificationHandler<ReplyPosted>
{
    public async Task Handle(ThreadStarted notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        db.ThreadParticipants.Add(new ThreadParticipant(notification.ThreadId, notification.AuthorId, notification.OpeningPostId, notification.At));
        await db.SaveChangesAsync(cancellationToken);
        var facts = new PostFacts(notification.AuthorId, notification.At, TieRules.CountWords(notification.Body), null, null, notification.MentionedMemberIds, [], AuthorIsNewParticipant: false);
        await RecordAsync(TieRules.ForPost(facts, options.Value), cancellationToken);
    }

    public async Task Handle(ReplyPosted notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.IsStaffNote)
        {
            return;
        }

        var (threadId, postId, author) = (notification.ThreadId, notification.PostId, notification.AuthorId);
        var starter = await db.Threads.Where(t => t.Id == threadId).Select(t => t.AuthorId).SingleAsync(cancellationToken);
        var parent = notification.InReplyToPostId is { } parentId
            ? await db.Posts.Where(p => p.Id == parentId).Select(p => new { p.AuthorId, p.AddressedToId }).SingleAsync(cancellationToken)
            : null;
        Guid? latestOther = null;
        if (parent is null && author == starter)
        {
            latestOther = await EarlierPosts(threadId, postId).Where(p => p.AuthorId != author)
                .OrderByDescending(p => p.Id).Select(p => (Guid?)p.AuthorId).FirstOrDefaultAsync(cancellationToken);
        }

        var addressee = TieRules.Addressee(author, starter, parent?.AuthorId, latestOther);
        // The post this one answers: the chosen one, or else the addressee's latest post in the thread.
        var answeredAddressee = parent is not null ? parent.AddressedToId
            : addressee is { } to ? await EarlierPosts(threadId, postId).Where(p => p.AuthorId == to)
                .OrderByDescending(p => p.Id).Select(p => p.AddressedToId).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (addressee is not null)
        {
            await db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(p => p.SetProperty(x => x.AddressedToId, addressee), cancellationToken);
        }

        var limit = options.Value.SharedThreadMaxParticipants;
        var participants = await db.ThreadParticipants.Where(p => p.ThreadId == threadId)
            .OrderBy(p => p.FirstPostId).Select(p => p.MemberId).Take(limit + 1).ToListAsync(cancellationToken);
        var isNew = !participants.Contains(author)
            && !await db.ThreadParticipants.AnyAsync(p => p.ThreadId == threadId && p.MemberId == author, cancellationToken);
        if (isNew)
        {
            db.ThreadParticipants.Add(new ThreadParticipant(threadId, author, postId, notification.At));
            await db.SaveChangesAsync(cancellationToken);
        }

        var facts = new PostFacts(author, notification.At, TieRules.CountWords(notification.Body), addressee, answeredAddressee, notification.MentionedMemberIds, participants, isNew);
        await RecordAsync(TieRules.ForPost(facts, options.Value), cancellationToken);
    }

    private IQueryable<Domain.Threads.Post> EarlierPosts(long threadId, long postId) =>
        db.Posts.Where(p => p.ThreadId == threadId && p.Id < postId && !p.IsStaffNote);

    private Task RecordAsync(IReadOnlyList<TieEvent> events, CancellationToken cancellationToken) =>
        events.Count == 0 ? Task.CompletedTask : store.ApplyAsync([.. events.Select(e => TieContribution.Of(e, options.Value))], cancellationToken);
}

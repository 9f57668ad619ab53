using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Reciprocity;

/// <summary>A member acknowledged another's post (published in the same transaction, after the record exists):
/// "helped me" and accepted answers tell the post's author.</summary>
/// <param name="RecordedById">Who pressed the button: <paramref name="FromMemberId"/>, or a moderator accepting for the starter.</param>
public sealed record Acknowledged(ReciprocityKind Kind, Guid FromMemberId, Guid ToMemberId, Guid RecordedById, long ThreadId, long PostId, DateTimeOffset At) : INotification;

/// <summary>Where a reciprocity command sends the browser back to: the post, in its thread.</summary>
public sealed record AcknowledgementResult(long ThreadId, string SpaceSlug, long PostId);

/// <summary>The post being acknowledged, as the rules need it.</summary>
internal sealed record AcknowledgedPost(long Id, long ThreadId, string SpaceSlug, Guid AuthorId, Guid ThreadStarterId, bool IsOpeningPost, bool IsAvailable)
{
    public AcknowledgementResult Result => new(ThreadId, SpaceSlug, Id);
}

/// <summary>What every reciprocity command shares: finding the post, writing or taking back the record, and
/// moving the pair's tie in the same transaction.</summary>
internal static class Acknowledgements
{
    /// <summary>The post, if it is one members can acknowledge: not a staff note, not hidden or deleted.</summary>
    public static async Task<AcknowledgedPost> FindAsync(ICommunityDb db, long postId, CancellationToken cancellationToken) =>
        await (
                from p in db.Posts
                join t in db.Threads on p.ThreadId equals t.Id
                join s in db.Spaces on t.SpaceId equals s.Id
                where p.Id == postId && !p.IsStaffNote
                select new AcknowledgedPost(p.Id, t.Id, s.Slug, p.AuthorId, t.AuthorId, p.IsOpeningPost, p.HiddenAt == null && p.DeletedAt == null))
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Post", postId);

    public static Task<ReciprocityRecord?> ActiveAsync(ICommunityDb db, long postId, Guid fromMemberId, ReciprocityKind kind, string? reaction, CancellationToken cancellationToken) =>
        db.ReciprocityRecords
            .Where(r => r.PostId == postId && r.FromMemberId == fromMemberId && r.Kind == kind && r.Reaction == reaction && r.RetractedAt == null)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Gives (<paramref name="on"/>) or takes back the viewer's record of <paramref name="kind"/> on the post.
    /// Giving what is already given, or taking back what is not, changes nothing: no double records.</summary>
    public static async Task<AcknowledgementResult> SetAsync(
        ICommunityDb db, ITieStore ties, IMediator mediator, TieOptions options, DateTimeOffset now, Guid me, AcknowledgedPost post, ReciprocityKind kind, string? reaction, bool on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var existing = await ActiveAsync(db, post.Id, me, kind, reaction, cancellationToken);
        if (!on && existing is not null)
        {
            await TakeBackAsync(db, ties, options, existing, now, cancellationToken);
        }
        else if (on && existing is null)
        {
            if (!post.IsAvailable)
            {
                throw new DomainException("This post has been removed and can no longer be acknowledged.");
            }

            await GiveAsync(db, ties, mediator, options, ReciprocityRecord.Give(kind, post.Id, post.ThreadId, me, post.AuthorId, me, now, reaction), cancellationToken);
        }

        return post.Result;
    }

    public static async Task GiveAsync(ICommunityDb db, ITieStore ties, IMediator mediator, TieOptions options, ReciprocityRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediator);
        db.ReciprocityRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await ties.ApplyAsync([TieContribution.Of(EventOf(record), options)], cancellationToken);
        await mediator.Publish(
            new Acknowledged(record.Kind, record.FromMemberId, record.ToMemberId, record.RecordedById, record.ThreadId, record.PostId, record.CreatedAt),
            cancellationToken);
    }

    public static async Task TakeBackAsync(ICommunityDb db, ITieStore ties, TieOptions options, ReciprocityRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        record.Retract(now);
        await db.SaveChangesAsync(cancellationToken);
        await ties.ApplyAsync([TieContribution.Of(EventOf(record).Retracted(), options)], cancellationToken);
    }

    /// <summary>The tie event a record stands for, at the time it was given (a retraction subtracts exactly that).</summary>
    public static TieEvent EventOf(ReciprocityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Kind switch
        {
            ReciprocityKind.Helped => TieEvent.Helped(record.FromMemberId, record.ToMemberId, record.CreatedAt),
            ReciprocityKind.Thanks => TieEvent.Thanks(record.FromMemberId, record.ToMemberId, record.CreatedAt),
            ReciprocityKind.Reaction => TieEvent.Reaction(record.FromMemberId, record.ToMemberId, record.CreatedAt),
            ReciprocityKind.AcceptedAnswer => TieEvent.AcceptedAnswer(record.FromMemberId, record.ToMemberId, record.CreatedAt),
            _ => throw new ArgumentOutOfRangeException(nameof(record), record.Kind, "Unknown kind of record."),
        };
    }
}

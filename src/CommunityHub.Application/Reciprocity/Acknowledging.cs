using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Reciprocity;

/// <summary>Where a reciprocity command sends the browser back to: the post, in its thread.</summary>
public sealed record AcknowledgementResult(long ThreadId, string SpaceSlug, long PostId);

/// <summary>What thanks, reactions and "this helped me" share: one statement finds the post and the viewer's
/// active record of that kind; the post decides (<see cref="Post.Acknowledge"/>) and the record, given or taken
/// back, tells the tie store and the notifications through its events.</summary>
internal static class Acknowledging
{
    /// <summary>Gives (<paramref name="on"/>) or takes back the viewer's record of <paramref name="kind"/> on the post.
    /// Giving what is already given, or taking back what is not, changes nothing: no double records.</summary>
    public static async Task<AcknowledgementResult> SetAsync(
        ICommunityDb db, Viewer viewer, long postId, ReciprocityKind kind, string? reaction, bool on, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var me = viewer.MemberId!.Value;
        var found = await (
                from p in db.Posts.Where(ConversationPolicy.OnThreadPage<Post>(viewer))
                join t in db.Threads on p.ThreadId equals t.Id
                join s in db.Spaces on t.SpaceId equals s.Id
                where p.Id == postId
                select new
                {
                    Post = p,
                    s.Slug,
                    Given = db.ReciprocityRecords.FirstOrDefault(r =>
                        r.PostId == p.Id && r.FromMemberId == me && r.Kind == kind && r.Reaction == reaction && r.RetractedAt == null),
                })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Post", postId);
        if (!on)
        {
            found.Given?.Retract(now);
        }
        else if (found.Given is null)
        {
            db.ReciprocityRecords.Add(found.Post.Acknowledge(viewer, kind, reaction, now));
        }

        return new AcknowledgementResult(found.Post.ThreadId, found.Slug, found.Post.Id);
    }
}

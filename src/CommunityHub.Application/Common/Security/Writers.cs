using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Common.Security;

/// <summary>What an account must have done before it writes (the <c>Identity</c> section of the settings).</summary>
public sealed class PostingOptions
{
    public const string Section = "Identity";

    /// <summary>Members start threads, reply and flag only once their address is confirmed (a throwaway
    /// address cannot spam). On by default.</summary>
    public bool RequireConfirmedEmail { get; set; } = true;
}

/// <summary>A member who is about to write, as one row of a query: their name and what their <see cref="Standing"/> is made of.</summary>
public sealed class WriterRow
{
    public Guid MemberId { get; init; }

    public string DisplayName { get; init; } = string.Empty;

    public bool IsBanned { get; init; }

    public DateTimeOffset? SuspendedUntil { get; init; }

    public string? SanctionReason { get; init; }

    /// <summary>The address is unconfirmed and the community asks for a confirmed one.</summary>
    public bool EmailUnconfirmed { get; init; }

    public Standing Standing => new(IsBanned, SuspendedUntil, SanctionReason, EmailUnconfirmed);

    /// <summary>What the member's trust level is made of (<see cref="TrustRules"/>), read in the same statement.</summary>
    public TrustRecord TrustRecord { get; init; } = TrustRecord.Brand(DateTimeOffset.MinValue);

    /// <summary>Threads the member started in the last 24 hours (the level's daily limit).</summary>
    public int ThreadsToday { get; init; }

    /// <summary>When the member first posted (published or not), null before their first post: how soon after joining.</summary>
    public DateTimeOffset? FirstPostAt { get; init; }
}

/// <summary>Writers' standing, read in the query a use case makes anyway (<see cref="Rows"/> composes into it) or on its own.</summary>
public sealed class Writers(ICommunityDb db, IOptionsSnapshot<PostingOptions> options, TimeProvider clock)
{
    public IQueryable<WriterRow> Rows
    {
        get
        {
            var requireConfirmed = options.Value.RequireConfirmedEmail;
            var dayAgo = clock.GetUtcNow().AddDays(-1);
            var published = db.Posts.Where(ConversationPolicy.InTheConversation<Post>());
            return from m in db.Members
                   let id = m.Id
                   select new WriterRow
                   {
                       MemberId = m.Id,
                       DisplayName = m.DisplayName,
                       IsBanned = m.IsBanned,
                       SuspendedUntil = m.SuspendedUntil,
                       SanctionReason = m.SanctionReason,
                       EmailUnconfirmed = requireConfirmed && !db.Accounts.Any(a => a.MemberId == m.Id && a.EmailConfirmed),
                       TrustRecord = new TrustRecord(
                           m.JoinedAt,
                           published.Count(p => p.AuthorId == id),
                           db.ThreadReadMarks.Count(r => r.MemberId == id),
                           db.ReciprocityRecords.Count(r => r.ToMemberId == id && r.RetractedAt == null
                               && (r.Kind == ReciprocityKind.Helped || r.Kind == ReciprocityKind.AcceptedAnswer)),
                           db.Flags.Count(f => f.Resolution != null && f.Resolution != FlagResolution.Dismissed
                               && db.Posts.Any(p => p.Id == f.PostId && p.AuthorId == id)),
                           m.TrustLockedAt),
                       ThreadsToday = db.Threads.Count(t => t.AuthorId == id && t.CreatedAt > dayAgo),
                       FirstPostAt = db.Posts.Where(p => p.AuthorId == id).Min(p => (DateTimeOffset?)p.CreatedAt),
                   };
        }
    }

    public async Task<WriterRow> OfAsync(Guid memberId, CancellationToken cancellationToken) =>
        await Rows.FirstOrDefaultAsync(w => w.MemberId == memberId, cancellationToken)
        ?? throw new Exceptions.NotFoundException("Member", memberId);
}

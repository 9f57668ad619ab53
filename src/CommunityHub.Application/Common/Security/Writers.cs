using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;
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
}

/// <summary>Writers' standing, read in the query a use case makes anyway (<see cref="Rows"/> composes into it) or on its own.</summary>
public sealed class Writers(ICommunityDb db, IOptionsSnapshot<PostingOptions> options)
{
    public IQueryable<WriterRow> Rows
    {
        get
        {
            var requireConfirmed = options.Value.RequireConfirmedEmail;
            return from m in db.Members
                   select new WriterRow
                   {
                       MemberId = m.Id,
                       DisplayName = m.DisplayName,
                       IsBanned = m.IsBanned,
                       SuspendedUntil = m.SuspendedUntil,
                       SanctionReason = m.SanctionReason,
                       EmailUnconfirmed = requireConfirmed && !db.Accounts.Any(a => a.MemberId == m.Id && a.EmailConfirmed),
                   };
        }
    }

    public async Task<WriterRow> OfAsync(Guid memberId, CancellationToken cancellationToken) =>
        await Rows.FirstOrDefaultAsync(w => w.MemberId == memberId, cancellationToken)
        ?? throw new Exceptions.NotFoundException("Member", memberId);
}

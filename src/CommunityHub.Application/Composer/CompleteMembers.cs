using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Composer;

/// <summary>The composer's <c>@</c> completion: members whose handle or display name starts with what was typed after
/// the <c>@</c>, case-insensitively, at most <see cref="Limit"/>, by handle. Handles and names are public (every post
/// shows them), so the list is the same in every space; banned and former members are never offered. Two pattern
/// indexes answer it (the handle's, and the stored lower-case display name's), whatever the database's collation.</summary>
public static class CompleteMembers
{
    public const int Limit = 8;

    /// <summary>Longer than any handle or name: nothing to complete.</summary>
    public const int MaxQueryLength = 50;

    /// <summary>The stored column with the display name in lower case (maintained by PostgreSQL) that the name prefix is matched on.</summary>
    public const string DisplayNameKey = "DisplayNameKey";

    [Authorize]
    public sealed record Query(string? Q) : IRequest<IReadOnlyList<MemberSuggestion>>;

    /// <summary>One member offered: the handle the completion inserts, and the name that tells people apart.</summary>
    public sealed record MemberSuggestion(string Handle, string Name);

    public sealed class Handler(ICommunityDb db) : IRequestHandler<Query, IReadOnlyList<MemberSuggestion>>
    {
        public async Task<IReadOnlyList<MemberSuggestion>> Handle(Query request, CancellationToken cancellationToken)
        {
            var typed = (request.Q ?? string.Empty).Trim().TrimStart('@').ToLowerInvariant();
            if (typed.Length == 0 || typed.Length > MaxQueryLength)
            {
                return [];
            }

            // LIKE's own wildcards in what was typed are matched as themselves.
            var prefix = typed.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal) + "%";
            return await db.Members.AsNoTracking()
                .Where(m => EF.Functions.Like(m.Handle, prefix, @"\") || EF.Functions.Like(EF.Property<string>(m, DisplayNameKey), prefix, @"\"))
                .Where(m => !m.IsBanned && m.FormerAt == null)
                .OrderBy(m => m.Handle)
                .Take(Limit)
                .Select(m => new MemberSuggestion(m.Handle, m.DisplayName))
                .ToListAsync(cancellationToken);
        }
    }
}

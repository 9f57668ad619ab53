using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.ApiTokens;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.ApiTokens;

/// <summary>The member's own tokens, newest first, with last use, expiry and whether they still work; and the
/// scopes the member's roles allow on a new one.</summary>
public static class ListApiTokens
{
    [Authorize]
    public sealed record Query : IRequest<TokenList>;

    public sealed record TokenList(IReadOnlyList<TokenRow> Tokens, IReadOnlyList<string> AllowedScopes);

    public sealed record TokenRow(Guid Id, string Name, ApiScopes Scopes, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
    {
        public IReadOnlyList<string> ScopeNames => ApiScopesRules.Names(Scopes);

        public bool IsRevoked => RevokedAt is not null;
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, TokenList>
    {
        public async Task<TokenList> Handle(Query request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId!.Value;
            var rows = await db.ApiTokens.AsNoTracking().Where(t => t.MemberId == me && t.CreatedById == null)
                .OrderByDescending(t => t.CreatedAt)
                .Select(t => new TokenRow(t.Id, t.Name, t.Scopes, t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.RevokedAt))
                .ToListAsync(cancellationToken);
            return new TokenList(rows, ApiScopesRules.Names(ApiScopesRules.AllowedFor(currentUser.Viewer())));
        }
    }
}

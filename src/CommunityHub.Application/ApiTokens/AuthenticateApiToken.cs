using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.ApiTokens;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.ApiTokens;

/// <summary>Who a bearer secret speaks for: the token found by the secret's hash, its member's roles as they are now,
/// and the scopes left once cut back to what those roles allow (a moderator who lost the role loses "moderate" on
/// their tokens at once). Last use is written at most once a minute per token, in one conditional statement.</summary>
public static class AuthenticateApiToken
{
    public sealed record Query(string Secret) : IRequest<Outcome>;

    public enum Failure
    {
        None,
        Unknown,
        Revoked,
        Expired,
    }

    public sealed record Outcome(Failure Failure, TokenHolder? Holder)
    {
        public static Outcome Failed(Failure failure) => new(failure, null);
    }

    public sealed record TokenHolder(Guid TokenId, Guid MemberId, string DisplayName, IReadOnlyList<string> Roles, ApiScopes Scopes);

    public sealed class Handler(ICommunityDb db, TimeProvider clock) : IRequestHandler<Query, Outcome>
    {
        public async Task<Outcome> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!request.Secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal) || request.Secret.Length > 100)
            {
                return Outcome.Failed(Failure.Unknown);
            }

            var hash = ApiToken.HashOf(request.Secret);
            var found = await (from t in db.ApiTokens.AsNoTracking()
                               where t.Hash == hash
                               join m in db.Members on t.MemberId equals m.Id
                               join a in db.Accounts on t.MemberId equals a.MemberId
                               select new { t.Id, t.MemberId, t.Scopes, t.RevokedAt, t.ExpiresAt, t.LastUsedAt, m.DisplayName, a.Roles })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return Outcome.Failed(Failure.Unknown);
            }

            var now = clock.GetUtcNow();
            if (found.RevokedAt is not null)
            {
                return Outcome.Failed(Failure.Revoked);
            }

            if (found.ExpiresAt is { } expiry && expiry <= now)
            {
                return Outcome.Failed(Failure.Expired);
            }

            if (ApiToken.LastUseIsStale(found.LastUsedAt, now))
            {
                // Conditional, so two instances seeing the same stale value write once; no transaction needed.
                var staleBefore = now - ApiToken.LastUseResolution;
                await db.ApiTokens.Where(t => t.Id == found.Id && (t.LastUsedAt == null || t.LastUsedAt <= staleBefore))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
            }

            var roles = found.Roles.ToList();
            var scopes = found.Scopes & ApiScopesRules.AllowedFor(Viewer.Of(found.MemberId, roles));
            return new Outcome(Failure.None, new TokenHolder(found.Id, found.MemberId, found.DisplayName, roles, scopes));
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Domain.ApiTokens;

/// <summary>What a token may be used for on the REST API. A token never carries more than its member's roles give
/// (<see cref="ApiScopesRules.AllowedFor"/>), and at each request it is cut back to what the roles give then.</summary>
[Flags]
public enum ApiScopes
{
    None = 0,
    Read = 1,
    Write = 2,
    Moderate = 4,
    Admin = 8,
}

public static class ApiScopesRules
{
    public static ApiScopes All => ApiScopes.Read | ApiScopes.Write | ApiScopes.Moderate | ApiScopes.Admin;

    /// <summary>The scopes a member's powers allow: everyone reads and writes; moderators moderate; admins administer.</summary>
    public static ApiScopes AllowedFor(Viewer holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (!holder.IsSignedIn)
        {
            return ApiScopes.None;
        }

        var scopes = ApiScopes.Read | ApiScopes.Write;
        if (holder.Moderates)
        {
            scopes |= ApiScopes.Moderate;
        }

        if (holder.Has(Powers.Administer))
        {
            scopes |= ApiScopes.Admin;
        }

        return scopes;
    }

    public static IReadOnlyList<string> Names(ApiScopes scopes) =>
        Enum.GetValues<ApiScopes>().Where(s => s != ApiScopes.None && scopes.HasFlag(s)).Select(s => s.ToString().ToLowerInvariant()).ToList();
}

/// <summary>A personal access token (or an admin's service token, acting as a bot member) for the REST API. Only the
/// SHA-256 hash of the secret is kept: the secret is shown once, when the token is made, and found again by its hash.
/// A service token's making and revoking, and an admin's revoking of someone's token, land in the audit log by the
/// token's name and scopes, never its secret; a member making or revoking their own token is their own business.</summary>
public sealed class ApiToken : AggregateRoot
{
    public const int NameMaxLength = 80;

    /// <summary>What every secret starts with: secret scanners (and people) recognise a leaked one.</summary>
    public const string SecretPrefix = "chub_";

    /// <summary>Last use is written at most this often, so a busy script does not cost a write per request.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    private ApiToken(Guid id, Guid memberId, string name, ApiScopes scopes, string hash, DateTimeOffset createdAt, DateTimeOffset? expiresAt, Guid? createdById)
    {
        Id = id;
        MemberId = memberId;
        Name = name;
        Scopes = scopes;
        Hash = hash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        CreatedById = createdById;
    }

    public Guid Id { get; private set; }

    /// <summary>Whom the token acts as (a bot member for a service token).</summary>
    public Guid MemberId { get; private set; }

    public string Name { get; private set; }

    public ApiScopes Scopes { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public string Hash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>The admin who made a service token; null for a member's own token.</summary>
    public Guid? CreatedById { get; private set; }

    public bool IsService => CreatedById is not null;

    /// <summary>A member makes a token for themselves, with scopes their roles allow.</summary>
    public static (ApiToken Token, string Secret) IssuePersonal(Viewer member, string name, ApiScopes scopes, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.MemberId is not { } id)
        {
            throw new ForbiddenException("Sign in to make a token.");
        }

        return Issue(id, member, name, scopes, expiresAt, now, null);
    }

    /// <summary>An admin makes a token for a bot member; the bot's own roles bound its scopes.</summary>
    public static (ApiToken Token, string Secret) IssueService(Viewer admin, Guid botId, Viewer bot, string name, ApiScopes scopes, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.Has(Powers.Administer))
        {
            throw new ForbiddenException("Only admins make service tokens.");
        }

        var (token, secret) = Issue(botId, bot, name, scopes, expiresAt, now, admin.MemberId);
        token.Record(new IntegrationAdministered(admin.MemberId!.Value, ModerationAction.CreateServiceToken, botId, token.Describe(), now));
        return (token, secret);
    }

    private static (ApiToken, string) Issue(Guid memberId, Viewer holder, string name, ApiScopes scopes, DateTimeOffset? expiresAt, DateTimeOffset now, Guid? createdBy)
    {
        if (scopes == ApiScopes.None)
        {
            throw new DomainException("Choose at least one scope.");
        }

        if ((scopes & ~ApiScopesRules.AllowedFor(holder)) is var beyond and not ApiScopes.None)
        {
            throw new DomainException($"A token cannot carry a scope its member's roles do not give: {string.Join(", ", ApiScopesRules.Names(beyond))}.");
        }

        if (expiresAt is { } expiry && expiry <= now)
        {
            throw new DomainException("A token's expiry is in the future.");
        }

        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken(Guid.NewGuid(), memberId, Guard.Text(name, NameMaxLength, "A name"), scopes, HashOf(secret), now, expiresAt, createdBy);
        return (token, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Only its member revokes a personal token; an admin revokes any token (a leaked one, a bot's).</summary>
    public void Revoke(Viewer by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!by.Is(MemberId) && !by.Has(Powers.Administer))
        {
            throw new ForbiddenException("Only the token's member or an admin revokes it.");
        }

        if (RevokedAt is not null)
        {
            throw new DomainException("This token is already revoked.");
        }

        RevokedAt = now;
        if (IsService || !by.Is(MemberId))
        {
            Record(new IntegrationAdministered(by.MemberId!.Value, ModerationAction.RevokeApiToken, MemberId, Describe(), now));
        }
    }

    /// <summary>What the audit log says of it: "service token “CI” (read, write), expires 2027-01-02 00:00 UTC".</summary>
    public string Describe() =>
        $"{(IsService ? "service" : "personal")} token \u201c{Name}\u201d ({string.Join(", ", ApiScopesRules.Names(Scopes))})"
        + (ExpiresAt is { } until ? $", expires {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : string.Empty);

    /// <summary>Whether a use at <paramref name="now"/> is worth writing down (the last one written is older than the resolution).</summary>
    public static bool LastUseIsStale(DateTimeOffset? lastUsedAt, DateTimeOffset now) => lastUsedAt is null || now - lastUsedAt >= LastUseResolution;
}

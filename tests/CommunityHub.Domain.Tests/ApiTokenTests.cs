using CommunityHub.Domain.ApiTokens;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;

namespace CommunityHub.Domain.Tests;

/// <summary>A token's invariants: scopes bounded by its member's powers, a secret of the documented shape kept only as
/// its hash, revocation by its member or an admin only, expiry, and last use written at most once a minute.</summary>
public sealed class ApiTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Viewer Member = Viewer.Of(Guid.NewGuid(), [Roles.Member]);
    private static readonly Viewer Moderator = Viewer.Of(Guid.NewGuid(), [Roles.Member, Roles.Moderator]);
    private static readonly Viewer Admin = Viewer.Of(Guid.NewGuid(), [Roles.Member, Roles.Admin]);

    [Fact]
    public void A_secret_is_chub_and_43_base64url_characters_and_only_its_hash_is_kept()
    {
        var (token, secret) = ApiToken.IssuePersonal(Member, "Script", ApiScopes.Read, null, Now);
        Assert.Matches("^chub_[A-Za-z0-9_-]{43}$", secret);
        Assert.Equal(ApiToken.HashOf(secret), token.Hash);
        Assert.DoesNotContain(secret[5..], token.Hash, StringComparison.Ordinal);
        Assert.NotEqual(secret, ApiToken.IssuePersonal(Member, "Script", ApiScopes.Read, null, Now).Secret);
    }

    [Theory]
    [InlineData(ApiScopes.Moderate)]
    [InlineData(ApiScopes.Admin)]
    public void A_members_token_cannot_carry_a_scope_beyond_its_roles(ApiScopes scope)
    {
        var refused = Assert.Throws<DomainException>(() => ApiToken.IssuePersonal(Member, "Too much", ApiScopes.Read | scope, null, Now));
        Assert.Contains(scope.ToString().ToLowerInvariant(), refused.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => ApiToken.IssuePersonal(Moderator, "Too much", ApiScopes.Admin, null, Now));
        Assert.Equal(ApiScopes.Read | ApiScopes.Moderate, ApiToken.IssuePersonal(Moderator, "Mod", ApiScopes.Read | ApiScopes.Moderate, null, Now).Token.Scopes);
        Assert.Equal(ApiScopesRules.All, ApiToken.IssuePersonal(Admin, "All", ApiScopesRules.All, null, Now).Token.Scopes);
    }

    [Fact]
    public void A_token_needs_a_scope_a_name_and_a_future_expiry()
    {
        Assert.Throws<DomainException>(() => ApiToken.IssuePersonal(Member, "None", ApiScopes.None, null, Now));
        Assert.Throws<DomainException>(() => ApiToken.IssuePersonal(Member, " ", ApiScopes.Read, null, Now));
        Assert.Throws<DomainException>(() => ApiToken.IssuePersonal(Member, "Past", ApiScopes.Read, Now, Now));
        var (token, _) = ApiToken.IssuePersonal(Member, "Day", ApiScopes.Read, Now.AddDays(1), Now);
        Assert.True(token.IsUsableAt(Now.AddHours(23)));
        Assert.False(token.IsUsableAt(Now.AddDays(1)));
    }

    [Fact]
    public void Only_its_member_or_an_admin_revokes_a_token_and_only_once()
    {
        var (token, _) = ApiToken.IssuePersonal(Member, "Script", ApiScopes.Read, null, Now);
        Assert.Throws<ForbiddenException>(() => token.Revoke(Moderator, Now));
        Assert.Null(token.RevokedAt);
        token.Revoke(Member, Now);
        Assert.False(token.IsUsableAt(Now));
        Assert.Throws<DomainException>(() => token.Revoke(Admin, Now));

        var (other, _) = ApiToken.IssuePersonal(Moderator, "Mod", ApiScopes.Read, null, Now);
        other.Revoke(Admin, Now);
        Assert.Equal(Now, other.RevokedAt);
    }

    [Fact]
    public void Only_an_admin_makes_a_service_token_bounded_by_the_bots_roles()
    {
        var botId = Guid.NewGuid();
        var bot = Viewer.Of(botId, [Roles.Member]);
        Assert.Throws<ForbiddenException>(() => ApiToken.IssueService(Moderator, botId, bot, "Bot", ApiScopes.Read, null, Now));
        Assert.Throws<DomainException>(() => ApiToken.IssueService(Admin, botId, bot, "Bot", ApiScopes.Moderate, null, Now));
        var (token, _) = ApiToken.IssueService(Admin, botId, bot, "Bot", ApiScopes.Read | ApiScopes.Write, null, Now);
        Assert.True(token.IsService);
        Assert.Equal(botId, token.MemberId);
        Assert.Equal(Admin.MemberId, token.CreatedById);
    }

    [Fact]
    public void Last_use_is_worth_writing_once_a_minute()
    {
        Assert.True(ApiToken.LastUseIsStale(null, Now));
        Assert.False(ApiToken.LastUseIsStale(Now.AddSeconds(-59), Now));
        Assert.True(ApiToken.LastUseIsStale(Now.AddMinutes(-1), Now));
    }
}

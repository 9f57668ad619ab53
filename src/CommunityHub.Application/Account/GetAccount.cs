using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Account;

/// <summary>The signed-in member's account page: profile, address, how they sign in, two-factor, sessions.</summary>
public static class GetAccount
{
    [Authorize]
    public sealed record Query : IRequest<AccountView>;

    public sealed record AccountView(
        Guid MemberId,
        string DisplayName,
        string Handle,
        string? Bio,
        string? Website,
        string? TimeZone,
        string? Organisation,
        string Email,
        bool EmailConfirmed,
        bool HasPassword,
        bool LocalPasswords,
        TwoFactorState TwoFactor,
        bool TwoFactorRequired,
        IReadOnlyList<LinkedSignIn> SignIns,
        int Sessions)
    {
        /// <summary>The member groups they are in (the private spaces those open are on the home page).</summary>
        public IReadOnlyList<string> Groups { get; init; } = [];

        /// <summary>Their picture; null while their initial shows.</summary>
        public Guid? AvatarId { get; init; }
    }

    /// <param name="Linked">The member has linked this provider.</param>
    /// <param name="MayRemove">Removing it would leave another way in (a password or another provider).</param>
    public sealed record LinkedSignIn(string Provider, string DisplayName, bool Linked, bool MayRemove);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, IAccountSecurity security, ISignInSessions sessions, IOptionsSnapshot<SingleSignOnOptions> options)
        : IRequestHandler<Query, AccountView>
    {
        public async Task<AccountView> Handle(Query request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            var member = await db.Members.AsNoTracking().Where(m => m.Id == me && m.FormerAt == null)
                .Select(m => new
                {
                    m.DisplayName, m.Handle, m.Bio, m.Website, m.TimeZone, m.Organisation, m.AvatarId,
                    Groups = db.Groups.Where(g => g.Members.Any(x => x.MemberId == m.Id)).OrderBy(g => g.Name).Select(g => g.Name).ToList(),
                })
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Member", me);
            var account = (await identity.AccountsAsync([me], cancellationToken)).GetValueOrDefault(me) ?? throw new NotFoundException("Account", me);
            var settings = options.Value;
            var hasPassword = await security.HasPasswordAsync(me, cancellationToken);
            var logins = await security.LoginsAsync(me, cancellationToken);
            var waysIn = logins.Count + (hasPassword && settings.LocalPasswords ? 1 : 0);
            var providers = settings.UsableProviders
                .Select(p => new LinkedSignIn(p.Key, p.Value.DisplayName, logins.Any(l => l.Provider == p.Key), waysIn > 1))
                // A login of a provider since removed from the settings still shows, so that it can be removed.
                .Concat(logins.Where(l => settings.Provider(l.Provider) is null).Select(l => new LinkedSignIn(l.Provider, l.ProviderDisplayName, true, waysIn > 1)))
                .ToList();
            return new AccountView(
                me, member.DisplayName, member.Handle, member.Bio, member.Website, member.TimeZone, member.Organisation,
                account.Email, account.EmailConfirmed, hasPassword, settings.LocalPasswords,
                await security.TwoFactorAsync(me, cancellationToken), settings.RequiresTwoFactor(currentUser.IsInRole),
                providers, (await sessions.ListAsync(me, cancellationToken)).Count)
            {
                Groups = member.Groups,
                AvatarId = member.AvatarId,
            };
        }
    }
}

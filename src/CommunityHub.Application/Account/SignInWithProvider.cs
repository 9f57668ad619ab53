using System.Net.Mail;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Account;

/// <summary>Someone comes back from a provider. A returning member is found by the provider's subject, never by
/// e-mail; someone new joins just in time (name and handle from the claims, never touched again); an address that
/// belongs to a local account links only when the provider says it is verified and the member then proves the
/// local account with its password (<see cref="LinkProviderWithPassword"/>).</summary>
public static class SignInWithProvider
{
    /// <param name="InviteCode">The invite link the person came through (registration page), for a first sign-in that
    /// makes an account: the <see cref="Registration.RegistrationGate"/> applies to accounts made this way too.</param>
    public sealed record Command(ProviderIdentity Identity, string? InviteCode = null) : ICommand<Outcome>;

    public enum OutcomeKind
    {
        /// <summary>A member linked to this subject: sign them in.</summary>
        SignedIn,

        /// <summary>A new member was created for this subject: sign them in.</summary>
        Joined,

        /// <summary>A local account has this (verified) address: it links once its password is given.</summary>
        ProveLocalAccount,

        /// <summary>Nothing changed; <see cref="Outcome.Message"/> says why.</summary>
        Refused,
    }

    public sealed record Outcome(OutcomeKind Kind, Guid? MemberId, string? Message)
    {
        public static Outcome Refuse(string message) => new(OutcomeKind.Refused, null, message);
    }

    public sealed class Handler(
        ICommunityDb db,
        IIdentityService identity,
        IAccountSecurity security,
        ProviderRoles providerRoles,
        Groups.GroupRules groupRules,
        AccountChanges changes,
        TimeProvider clock,
        IOptionsSnapshot<SingleSignOnOptions> sso,
        IEmailComposer emails,
        Registration.RegistrationGate gate,
        ILogger<Handler> logger) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var who = request.Identity;
            var provider = sso.Value.Provider(who.Provider) ?? throw new NotFoundException("Provider", who.Provider);
            if (string.IsNullOrWhiteSpace(who.Subject))
            {
                return Outcome.Refuse($"{provider.DisplayName} did not say who you are (no subject in its answer), so you are not signed in.");
            }

            if (await security.FindByLoginAsync(who.Provider, who.Subject, cancellationToken) is { } memberId)
            {
                var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken) ?? throw new NotFoundException("Member", memberId);
                member.BelongTo(who.Organisation);
                await providerRoles.ApplyAsync(member, provider, who.Groups, cancellationToken);
                await groupRules.ApplyAsync(member.Id, who.Groups, cancellationToken);
                logger.LogInformation("Member {MemberId} signed in with {Provider}", memberId, who.Provider);
                return new Outcome(OutcomeKind.SignedIn, memberId, null);
            }

            var email = who.Email?.Trim();
            if (string.IsNullOrEmpty(email) || email.Length > 256 || !MailAddress.TryCreate(email, out _))
            {
                return Outcome.Refuse($"{provider.DisplayName} did not share an e-mail address with us, which a new account needs. Allow the community to see your e-mail address at {provider.DisplayName} and try again.");
            }

            if (await security.FindByEmailAsync(email, cancellationToken) is not null)
            {
                if (!who.EmailVerified)
                {
                    logger.LogWarning("Sign-in with {Provider} refused: its unverified e-mail claim matches an existing account", who.Provider);
                    return Outcome.Refuse($"An account here already uses {email}, and {provider.DisplayName} does not say that the address is verified, so we will not link them. Sign in with your password, then link {provider.DisplayName} from your account page.");
                }

                return new Outcome(OutcomeKind.ProveLocalAccount, null, null);
            }

            // A new account: the same gates as the registration form (domain allow list, invite-only). Members who
            // have an account already sign in above whatever the gates say now.
            if ((gate.DomainRefusal(email) ?? await gate.InviteRefusalAsync(request.InviteCode, cancellationToken)) is { } closed)
            {
                logger.LogInformation("Sign-in with {Provider} made no account: {Reason}", who.Provider, closed);
                return Outcome.Refuse(closed);
            }

            var viaInvite = await gate.RedeemAsync(request.InviteCode, cancellationToken);
            var name = DisplayNameFrom(who.Name, email);
            var joined = Member.Register(Guid.CreateVersion7(), name, await HandleAvailability.FreeAsync(db, name, cancellationToken),
                RegistrationMethod.SingleSignOn, provider.DisplayName, viaInvite, clock.GetUtcNow());
            joined.BelongTo(who.Organisation);
            // Identity's store saves the account with the member it references (same context, same transaction).
            db.Members.Add(joined);
            var created = await security.CreateExternalAccountAsync(joined.Id, email, who.EmailVerified, new ExternalLogin(who.Provider, who.Subject, provider.DisplayName), cancellationToken);
            if (!created.Succeeded)
            {
                // Rolls the member row back with the transaction.
                throw new FluentValidation.ValidationException(created.Errors.Select(e => new FluentValidation.Results.ValidationFailure(string.Empty, e.Message)));
            }

            if (!who.EmailVerified)
            {
                var code = await identity.EmailConfirmationCodeAsync(joined.Id, cancellationToken);
                db.Emails.Add(emails.ConfirmAddress(joined.DisplayName, joined.Id, code).To(email, joined.DisplayName, "confirm-email", clock.GetUtcNow()));
            }

            await providerRoles.ApplyAsync(joined, provider, who.Groups, cancellationToken);
            await groupRules.ApplyAsync(joined.Id, who.Groups, cancellationToken);
            await changes.RecordAsync(joined.Id, AccountEventKind.JoinedWithProvider, provider.DisplayName, cancellationToken);
            logger.LogInformation("Member {MemberId} joined through {Provider}", joined.Id, who.Provider);
            return new Outcome(OutcomeKind.Joined, joined.Id, null);
        }

        /// <summary>The provider's name for the person when it is one we can store, else the address's local part.</summary>
        private static string DisplayNameFrom(string? claimed, string email)
        {
            var name = claimed?.Trim();
            if (string.IsNullOrEmpty(name) || !TextRules.IsStorable(name))
            {
                name = email.Split('@')[0];
            }

            name = name.Length > Member.DisplayNameMaxLength ? name[..Member.DisplayNameMaxLength].Trim() : name;
            return name.Length == 0 || !TextRules.IsStorable(name) ? "Member" : name;
        }
    }
}

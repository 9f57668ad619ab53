using System.Net;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Email;
using CommunityHub.Domain.Members;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Account;

/// <summary>Records a security-relevant change in the member's account log and, for those that matter, e-mails
/// them about it, in the transaction of the change: "if this was not you" reaches them even when the change came
/// from someone who got into their session.</summary>
public sealed class AccountChanges(ICommunityDb db, IIdentityService identity, ICurrentSession session, TimeProvider clock, IOptions<CommunityOptions> options)
{
    public async Task RecordAsync(Guid memberId, AccountEventKind kind, string? detail, CancellationToken cancellationToken, string? toAddress = null)
    {
        var now = clock.GetUtcNow();
        db.AccountEvents.Add(AccountEvent.Record(memberId, kind, detail, session.ClientAddress, now));
        if (Describe(kind, detail) is not { } what)
        {
            return;
        }

        var account = (await identity.AccountsAsync([memberId], cancellationToken)).GetValueOrDefault(memberId);
        var address = toAddress ?? account?.Email;
        if (account is null || string.IsNullOrEmpty(address))
        {
            return;
        }

        db.Emails.Add(Notice(options.Value, account.DisplayName, address, what.Subject, what.Text, now));
    }

    /// <summary>What the member is told, or null for changes only logged (ending one of their own sessions).</summary>
    private static (string Subject, string Text)? Describe(AccountEventKind kind, string? detail) => kind switch
    {
        AccountEventKind.PasswordChanged => ("Your password was changed", "The password of your account was changed, and every other device was signed out."),
        AccountEventKind.PasswordAdded => ("A password was added to your account", "Your account now also signs in with a password."),
        AccountEventKind.EmailChangeRequested => ("Someone asked to change your e-mail address", $"Someone signed in to your account asked to move it to {detail}. Nothing changes unless that address confirms it."),
        AccountEventKind.EmailChanged => ("Your e-mail address was changed", $"The e-mail address of your account was changed: {detail}."),
        AccountEventKind.TwoFactorEnabled => ("Two-factor authentication is on", "Signing in to your account now also asks for a code from your authenticator app."),
        AccountEventKind.TwoFactorDisabled => ("Two-factor authentication is off", "Signing in to your account no longer asks for a code from an authenticator app."),
        AccountEventKind.RecoveryCodesRenewed => ("New recovery codes", "New recovery codes were made for your account; the old ones no longer work."),
        AccountEventKind.RecoveryCodeUsed => ("A recovery code was used", "Someone signed in to your account with one of its recovery codes."),
        AccountEventKind.SignInLinked => ("A sign-in was linked to your account", $"Your account can now be signed in to with {detail}."),
        AccountEventKind.SignInRemoved => ("A sign-in was removed from your account", $"Your account can no longer be signed in to with {detail}."),
        AccountEventKind.SignedOutEverywhere => ("You were signed out everywhere", "Every device signed in to your account was signed out."),
        _ => null,
    };

    internal static QueuedEmail Notice(CommunityOptions community, string displayName, string email, string subject, string text, DateTimeOffset now)
    {
        var link = community.Link("/account");
        var footer = $"If this was not you, reset your password at {community.Link("/account/forgot-password")} and review your account at {link}.";
        var plain = $"Hello {displayName},\n\n{text}\n\n{footer}\n";
        var html = "<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:sans-serif;line-height:1.5\">"
            + $"<p>Hello {H(displayName)},</p><p>{H(text)}</p><p><a href=\"{H(link)}\">Review your account</a></p>"
            + $"<p style=\"color:#555;font-size:small\">{H(footer)}</p></body></html>";
        return QueuedEmail.Create(email, displayName, $"{community.Name}: {subject}", plain, html, "account-security", now);
    }

    internal static QueuedEmail ConfirmNewAddress(CommunityOptions community, Guid memberId, string displayName, string newEmail, string code, DateTimeOffset now)
    {
        var link = community.Link($"/account/confirm-email-change?member={memberId}&email={Uri.EscapeDataString(newEmail)}&code={Uri.EscapeDataString(code)}");
        var text = $"Confirm that {newEmail} is the new address of your {community.Name} account. Until you do, nothing changes.";
        var plain = $"Hello {displayName},\n\n{text}\n\n{link}\n\nIf you did not ask for this, ignore this e-mail.\n";
        var html = "<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:sans-serif;line-height:1.5\">"
            + $"<p>Hello {H(displayName)},</p><p>{H(text)}</p><p><a href=\"{H(link)}\">Confirm my new address</a></p>"
            + "<p style=\"color:#555;font-size:small\">If you did not ask for this, ignore this e-mail.</p></body></html>";
        return QueuedEmail.Create(newEmail, displayName, $"Confirm your new e-mail address for {community.Name}", plain, html, "confirm-email-change", now);
    }

    private static string H(string text) => WebUtility.HtmlEncode(text);
}

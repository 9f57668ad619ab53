using System.Globalization;
using System.Net;
using System.Text;
using CommunityHub.Application;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Links;
using CommunityHub.Web.Notifications;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Email;

/// <summary>How every e-mail of the community reads, in plain text and HTML, with links from
/// <see cref="CommunityLinks"/> on the community's public address (an e-mail is read outside any request).</summary>
public sealed class EmailTemplates(CommunityLinks links, IOptions<CommunityOptions> options) : IEmailComposer
{
    private const string Page = "<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:sans-serif;line-height:1.5\">";
    private const string Small = "color:#555;font-size:small";

    private string Community => options.Value.Name;

    public EmailContent Notification(NotificationEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var link = Url(links.Post(email.SpaceSlug, email.ThreadId, email.PostId));
        var settings = Url(links.NotificationSettings);
        var verb = NotificationWording.Verb(email.Kind);
        var excerpt = email.Excerpt ?? string.Empty;
        var text = $"{email.ActorName} {verb} \u201c{email.ThreadTitle}\u201d in {email.SpaceName}.\n\n"
            + (excerpt.Length > 0 ? excerpt + "\n\n" : string.Empty)
            + $"Read it on {Community}: {link}\n\n-- \nYou get this e-mail because of your notification settings: {settings}\n";
        var html = Page
            + $"<p><strong>{H(email.ActorName)}</strong> {H(verb)} <a href=\"{H(link)}\">{H(email.ThreadTitle)}</a> in {H(email.SpaceName)}.</p>"
            + (excerpt.Length > 0 ? $"<blockquote style=\"white-space:pre-wrap;border-left:3px solid #ccc;margin:0;padding-left:1em\">{H(excerpt)}</blockquote>" : string.Empty)
            + $"<p><a href=\"{H(link)}\">Read it on {H(Community)}</a></p>"
            + $"<p style=\"{Small}\">You get this e-mail because of your <a href=\"{H(settings)}\">notification settings</a>.</p></body></html>";
        return new EmailContent($"{email.ActorName} {verb} \u201c{email.ThreadTitle}\u201d", text, html);
    }

    public EmailContent Digest(DigestEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var since = email.Since.ToString("d MMMM HH:mm", CultureInfo.InvariantCulture);
        var text = new StringBuilder($"The best of {Community} since {since} UTC, in the spaces you watch.\n\n");
        var html = new StringBuilder($"{Page}<h1 style=\"font-size:1.3em\">The best of {H(Community)}</h1><p>Since {since} UTC, in the spaces you watch.</p>");
        if (email.Threads.Count > 0)
        {
            text.Append("New threads\n");
            html.Append("<h2 style=\"font-size:1.1em\">New threads</h2><ul>");
            foreach (var t in email.Threads)
            {
                var link = Url(links.Thread(t.SpaceSlug, t.ThreadId).Path);
                text.Append(CultureInfo.InvariantCulture, $"- {t.Title} ({t.SpaceName}), by {t.AuthorName}, {t.ReplyCount} replies: {link}\n");
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{H(link)}\">{H(t.Title)}</a> in {H(t.SpaceName)}, by {H(t.AuthorName)}, {t.ReplyCount} replies</li>");
            }

            text.Append('\n');
            html.Append("</ul>");
        }

        if (email.Replies.Count > 0)
        {
            text.Append("Replies worth reading\n");
            html.Append("<h2 style=\"font-size:1.1em\">Replies worth reading</h2><ul>");
            foreach (var r in email.Replies)
            {
                var link = Url(links.Post(r.SpaceSlug, r.ThreadId, r.PostId));
                text.Append(CultureInfo.InvariantCulture, $"- {r.AuthorName} in \u201c{r.ThreadTitle}\u201d: {r.Excerpt.ReplaceLineEndings(" ")}\n  {link}\n");
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{H(link)}\">{H(r.AuthorName)} in \u201c{H(r.ThreadTitle)}\u201d</a>: {H(r.Excerpt)}</li>");
            }

            html.Append("</ul>");
        }

        var settings = Url(links.NotificationSettings);
        text.Append(CultureInfo.InvariantCulture, $"\n-- \nYou asked for this daily digest. Stop it or change what you watch: {settings}\n");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"{Small}\">You asked for this daily digest. <a href=\"{H(settings)}\">Stop it or change what you watch</a>.</p></body></html>");
        return new EmailContent($"Your daily digest from {Community}", text.ToString(), html.ToString());
    }

    public EmailContent ConfirmAddress(string displayName, Guid memberId, string code) =>
        Action(
            $"Confirm your e-mail address for {Community}",
            $"Welcome to {Community}, {displayName}. Confirm that this address is yours, so that we may send you notifications:",
            Url(links.ConfirmEmail(memberId, code)),
            "Confirm my address",
            "If you did not join, ignore this e-mail: nothing more will be sent.");

    public EmailContent ResetPassword(string displayName, string email, string code) =>
        Action(
            $"Reset your {Community} password",
            $"Someone (we hope you, {displayName}) asked to reset the password of your {Community} account. Choose a new one here:",
            Url(links.ResetPassword(email, code)),
            "Choose a new password",
            "If it was not you, ignore this e-mail: your password stays as it is.");

    public EmailContent AccountNotice(string displayName, AccountEventKind kind, string? detail)
    {
        var (subject, text) = kind switch
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
            _ => ("Your account changed", "Something about your account changed."),
        };
        var account = Url(links.Account);
        var footer = $"If this was not you, reset your password at {Url(links.ForgotPassword)} and review your account at {account}.";
        return new EmailContent(
            $"{Community}: {subject}",
            $"Hello {displayName},\n\n{text}\n\n{footer}\n",
            $"{Page}<p>Hello {H(displayName)},</p><p>{H(text)}</p><p><a href=\"{H(account)}\">Review your account</a></p><p style=\"{Small}\">{H(footer)}</p></body></html>");
    }

    public EmailContent ConfirmNewAddress(string displayName, Guid memberId, string newEmail, string code)
    {
        var link = Url(links.ConfirmEmailChange(memberId, newEmail, code));
        var text = $"Confirm that {newEmail} is the new address of your {Community} account. Until you do, nothing changes.";
        return new EmailContent(
            $"Confirm your new e-mail address for {Community}",
            $"Hello {displayName},\n\n{text}\n\n{link}\n\nIf you did not ask for this, ignore this e-mail.\n",
            $"{Page}<p>Hello {H(displayName)},</p><p>{H(text)}</p><p><a href=\"{H(link)}\">Confirm my new address</a></p><p style=\"{Small}\">If you did not ask for this, ignore this e-mail.</p></body></html>");
    }

    /// <summary>An account e-mail: one thing to do, one link to do it.</summary>
    private static EmailContent Action(string subject, string lead, string link, string action, string footer) =>
        new(
            subject,
            $"{lead}\n\n{link}\n\n{footer}\n",
            $"{Page}<p>{H(lead)}</p><p><a href=\"{H(link)}\">{H(action)}</a></p><p style=\"{Small}\">{H(footer)}</p></body></html>");

    private string Url(string path) => links.Absolute(path).ToString();

    private static string H(string text) => WebUtility.HtmlEncode(text);
}

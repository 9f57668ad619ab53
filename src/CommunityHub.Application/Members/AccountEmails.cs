using System.Net;
using CommunityHub.Domain.Email;

namespace CommunityHub.Application.Members;

/// <summary>The account e-mails (confirm your address, reset your password), queued like every other e-mail.</summary>
internal static class AccountEmails
{
    public static QueuedEmail ConfirmAddress(CommunityOptions community, Guid memberId, string displayName, string email, string code, DateTimeOffset now)
    {
        var link = community.Link($"/account/confirm-email?member={memberId}&code={Uri.EscapeDataString(code)}");
        return Compose(displayName, email, $"Confirm your e-mail address for {community.Name}",
            $"Welcome to {community.Name}, {displayName}. Confirm that this address is yours, so that we may send you notifications:",
            link, "Confirm my address", "If you did not join, ignore this e-mail: nothing more will be sent.", "confirm-email", now);
    }

    public static QueuedEmail ResetPassword(CommunityOptions community, string displayName, string email, string code, DateTimeOffset now)
    {
        var link = community.Link($"/account/reset-password?email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(code)}");
        return Compose(displayName, email, $"Reset your {community.Name} password",
            $"Someone (we hope you, {displayName}) asked to reset the password of your {community.Name} account. Choose a new one here:",
            link, "Choose a new password", "If it was not you, ignore this e-mail: your password stays as it is.", "reset-password", now);
    }

    private static QueuedEmail Compose(string displayName, string email, string subject, string lead, string link, string action, string footer, string purpose, DateTimeOffset now)
    {
        var text = $"{lead}\n\n{link}\n\n{footer}\n";
        var html = "<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:sans-serif;line-height:1.5\">"
            + $"<p>{H(lead)}</p><p><a href=\"{H(link)}\">{H(action)}</a></p><p style=\"color:#555;font-size:small\">{H(footer)}</p></body></html>";
        return QueuedEmail.Create(email, displayName, subject, text, html, purpose, now);
    }

    private static string H(string text) => WebUtility.HtmlEncode(text);
}

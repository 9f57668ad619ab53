using CommunityHub.Domain.Email;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;

namespace CommunityHub.Application.Common.Abstractions;

/// <summary>How each e-mail reads and where its links lead: the web layer's (templates beside the pages, links from
/// the same routes the pages answer on). The application decides whom to write and what about; it queues what
/// this composes in the same transaction as the cause.</summary>
public interface IEmailComposer
{
    EmailContent Notification(NotificationEmail email);

    EmailContent Digest(DigestEmail email);

    EmailContent ConfirmAddress(string displayName, Guid memberId, string code);

    EmailContent ResetPassword(string displayName, string email, string code);

    /// <summary>"Your password was changed … if this was not you": a change that matters for the account's security.</summary>
    EmailContent AccountNotice(string displayName, AccountEventKind kind, string? detail);

    /// <summary>The link that confirms <paramref name="newEmail"/> as the account's new address.</summary>
    EmailContent ConfirmNewAddress(string displayName, Guid memberId, string newEmail, string code);
}

/// <summary>A composed e-mail: its subject, a plain-text body and an HTML body.</summary>
public sealed record EmailContent(string Subject, string TextBody, string HtmlBody)
{
    /// <summary>The e-mail as the outbox keeps it until a background sender sends it.</summary>
    public QueuedEmail To(string address, string name, string purpose, DateTimeOffset now) =>
        QueuedEmail.Create(address, name, Subject, TextBody, HtmlBody, purpose, now);
}

/// <summary>"<paramref name="ActorName"/> replied to your thread …": what one notification e-mail says.</summary>
/// <param name="Excerpt">The start of the post it is about, as written (Markdown), if any.</param>
public sealed record NotificationEmail(NotificationKind Kind, string ActorName, string ThreadTitle, string SpaceName, string SpaceSlug, long ThreadId, long? PostId, string? Excerpt);

/// <summary>The best of the spaces a member watches since <paramref name="Since"/>.</summary>
public sealed record DigestEmail(DateTimeOffset Since, IReadOnlyList<DigestThread> Threads, IReadOnlyList<DigestReply> Replies);

public sealed record DigestThread(long ThreadId, string Title, string SpaceSlug, string SpaceName, string AuthorName, int ReplyCount);

public sealed record DigestReply(long PostId, long ThreadId, string ThreadTitle, string SpaceSlug, string AuthorName, string Excerpt);

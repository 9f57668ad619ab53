using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Members;

namespace CommunityHub.Application.Account;

/// <summary>Records a security-relevant change in the member's account log and, for those that matter, e-mails
/// them about it, in the transaction of the change: "if this was not you" reaches them even when the change came
/// from someone who got into their session.</summary>
public sealed class AccountChanges(ICommunityDb db, IIdentityService identity, ICurrentSession session, IEmailComposer emails, TimeProvider clock)
{
    public async Task RecordAsync(Guid memberId, AccountEventKind kind, string? detail, CancellationToken cancellationToken, string? toAddress = null)
    {
        var now = clock.GetUtcNow();
        db.AccountEvents.Add(AccountEvent.Record(memberId, kind, detail, session.ClientAddress, now));
        if (!TellsTheMember(kind))
        {
            return;
        }

        var account = (await identity.AccountsAsync([memberId], cancellationToken)).GetValueOrDefault(memberId);
        var address = toAddress ?? account?.Email;
        if (account is null || string.IsNullOrEmpty(address))
        {
            return;
        }

        db.Emails.Add(emails.AccountNotice(account.DisplayName, kind, detail).To(address, account.DisplayName, "account-security", now));
    }

    /// <summary>Every change is logged; these are also e-mailed (ending one of one's own sessions, or joining, is only logged).</summary>
    private static bool TellsTheMember(AccountEventKind kind) =>
        kind is not (AccountEventKind.SessionEnded or AccountEventKind.JoinedWithProvider);
}

using System.Globalization;
using System.Text.Json;
using CommunityHub.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Account;

/// <summary>The account part of a member's data download (<see cref="Members.DownloadMyData"/>): profile details,
/// former handles, linked sign-ins, two-factor state (never a key or a code), sessions and the account log.</summary>
public sealed class AccountDataSection(ICommunityDb db, IAccountSecurity security, ISignInSessions sessions)
{
    public async Task WriteAsync(Utf8JsonWriter json, Guid me, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == me)
            .Select(m => new { m.Bio, m.Website, m.TimeZone, m.Organisation }).FirstOrDefaultAsync(cancellationToken);
        json.WriteStartObject("account");
        json.WriteString("bio", member?.Bio);
        json.WriteString("website", member?.Website);
        json.WriteString("timeZone", member?.TimeZone);
        json.WriteString("organisation", member?.Organisation);
        json.WriteBoolean("hasPassword", await security.HasPasswordAsync(me, cancellationToken));
        var twoFactor = await security.TwoFactorAsync(me, cancellationToken);
        json.WriteBoolean("twoFactorEnabled", twoFactor.Enabled);
        json.WriteNumber("recoveryCodesLeft", twoFactor.RecoveryCodesLeft);

        json.WriteStartArray("formerHandles");
        foreach (var former in await db.FormerHandles.AsNoTracking().Where(f => f.MemberId == me).OrderBy(f => f.RetiredAt).ToListAsync(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("handle", former.Handle);
            json.WriteString("retiredAt", At(former.RetiredAt));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("linkedSignIns");
        foreach (var login in await security.LoginsAsync(me, cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("provider", login.ProviderDisplayName);
            json.WriteString("subject", login.Subject);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("sessions");
        foreach (var session in await sessions.ListAsync(me, cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("device", session.Device);
            json.WriteString("address", session.Address);
            json.WriteString("startedAt", At(session.CreatedAt));
            json.WriteString("lastSeenAt", At(session.LastSeenAt));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("securityEvents");
        await foreach (var e in db.AccountEvents.AsNoTracking().Where(e => e.MemberId == me).OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("what", e.Kind.ToString());
            json.WriteString("detail", e.Detail);
            json.WriteString("address", e.Address);
            json.WriteString("at", At(e.At));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string At(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}

using CommunityHub.Application.Account;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Infrastructure.Identity.Sessions;

/// <summary>The member's rows of <see cref="PostgresTicketStore"/>, for the account page and the use cases that end them.</summary>
public sealed class SignInSessions(CommunityDbContext db, TimeProvider clock) : ISignInSessions
{
    public async Task<IReadOnlyList<SignInSession>> ListAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.SignInSessions.AsNoTracking()
            .Where(s => s.MemberId == memberId && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SignInSession(s.Id, s.Device, s.Address, s.CreatedAt, s.LastSeenAt, s.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> EndAsync(Guid memberId, string sessionId, CancellationToken cancellationToken) =>
        await db.SignInSessions.Where(s => s.Id == sessionId && s.MemberId == memberId).ExecuteDeleteAsync(cancellationToken) > 0;

    public Task<int> EndAllAsync(Guid memberId, string? keep, CancellationToken cancellationToken) =>
        db.SignInSessions.Where(s => s.MemberId == memberId && s.Id != keep).ExecuteDeleteAsync(cancellationToken);
}

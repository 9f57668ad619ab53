using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Escalation;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Escalation;

/// <summary>The desk connection as the admin page shows it: never the authorization value, only its last characters.</summary>
public static class GetSupportDesk
{
    [Authorize(Powers.Administer)]
    public sealed record Query : IRequest<Desk?>;

    /// <param name="SigningSecret">Shown to admins, who give it to the desk.</param>
    public sealed record Desk(string Url, DeskFormat Format, string? AuthorizationHint, string SigningSecret, DateTimeOffset UpdatedAt);

    public sealed class Handler(ICommunityDb db) : IRequestHandler<Query, Desk?>
    {
        public async Task<Desk?> Handle(Query request, CancellationToken cancellationToken)
        {
            var desk = await db.SupportDesks.AsNoTracking()
                .Select(d => new { d.Url, d.Format, d.Authorization, d.SigningSecret, d.UpdatedAt })
                .FirstOrDefaultAsync(cancellationToken);
            return desk is null
                ? null
                : new Desk(desk.Url, desk.Format, SupportDesk.HintOf(desk.Authorization), desk.SigningSecret, desk.UpdatedAt);
        }
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Webhooks;

/// <summary>The admins' views of webhooks: the list of endpoints, and one endpoint with its recent deliveries.</summary>
public static class GetWebhookEndpoints
{
    public const int RecentDeliveries = 50;

    [Authorize(Powers.Administer)]
    public sealed record Query : IRequest<IReadOnlyList<EndpointRow>>;

    [Authorize(Powers.Administer)]
    public sealed record OneQuery(Guid EndpointId) : IRequest<EndpointDetail>;

    public sealed record EndpointRow(Guid Id, string Name, string Url, WebhookEventTypes Events, WebhookFormat Format, bool Internal, bool Enabled,
        DateTimeOffset? FailingSince, DateTimeOffset? DisabledForFailingAt, DateTimeOffset? LastDeliveredAt);

    public sealed record EndpointDetail(Guid Id, string Name, string Url, string Secret, WebhookEventTypes Events, WebhookFormat Format, bool Internal, bool Enabled,
        DateTimeOffset? FailingSince, DateTimeOffset? DisabledForFailingAt, IReadOnlyList<DeliveryRow> Deliveries);

    public sealed record DeliveryRow(long Id, Guid EventId, string EventName, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? DeliveredAt, DateTimeOffset? FailedAt,
        DateTimeOffset NextAttemptAt, DateTimeOffset? LastAttemptAt, int? LastStatusCode, int? LastResponseMilliseconds, string? LastError)
    {
        public string Status => DeliveredAt is not null ? "Delivered" : FailedAt is not null ? "Failed" : Attempts == 0 ? "Queued" : "Retrying";
    }

    public sealed class Handler(ICommunityDb db) : IRequestHandler<Query, IReadOnlyList<EndpointRow>>, IRequestHandler<OneQuery, EndpointDetail>
    {
        public async Task<IReadOnlyList<EndpointRow>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.WebhookEndpoints.AsNoTracking()
                .OrderBy(e => e.Name)
                .Select(e => new EndpointRow(e.Id, e.Name, e.Url, e.Events, e.Format, e.Internal, e.Enabled, e.FailingSince, e.DisabledForFailingAt,
                    db.WebhookDeliveries.Where(d => d.EndpointId == e.Id).Max(d => d.DeliveredAt)))
                .ToListAsync(cancellationToken);

        public async Task<EndpointDetail> Handle(OneQuery request, CancellationToken cancellationToken) =>
            await db.WebhookEndpoints.AsNoTracking()
                .Where(e => e.Id == request.EndpointId)
                .Select(e => new EndpointDetail(e.Id, e.Name, e.Url, e.Secret, e.Events, e.Format, e.Internal, e.Enabled, e.FailingSince, e.DisabledForFailingAt,
                    db.WebhookDeliveries.Where(d => d.EndpointId == e.Id).OrderByDescending(d => d.Id).Take(RecentDeliveries)
                        .Select(d => new DeliveryRow(d.Id, d.EventId, d.EventName, d.CreatedAt, d.Attempts, d.DeliveredAt, d.FailedAt, d.NextAttemptAt, d.LastAttemptAt,
                            d.LastStatusCode, d.LastResponseMilliseconds, d.LastError))
                        .ToList()))
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("webhook endpoint", request.EndpointId);
    }
}

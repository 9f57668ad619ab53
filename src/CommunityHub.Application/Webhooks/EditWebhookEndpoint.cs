using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Webhooks;

/// <summary>An admin changes a receiver: address, events, format, audience, on or off. The secret stays.</summary>
public static class EditWebhookEndpoint
{
    [Authorize(Powers.Administer)]
    public sealed class Command : WebhookEndpointForm, ICommand<Unit>
    {
        public Guid EndpointId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<CommunityOptions> community) => Include(new WebhookEndpointFormValidator<Command>(community));
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == request.EndpointId, cancellationToken)
                ?? throw new NotFoundException("webhook endpoint", request.EndpointId);
            endpoint.Change(currentUser.MemberId!.Value, request.Name, request.Address, request.EventSet, request.Format, request.Internal, request.Enabled, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Webhooks;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Webhooks;

/// <summary>An admin registers a receiver; it gets a fresh secret, shown on its page.</summary>
public static class AddWebhookEndpoint
{
    [Authorize(Powers.Administer)]
    public sealed class Command : WebhookEndpointForm, ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<CommunityOptions> community) => Include(new WebhookEndpointFormValidator<Command>(community));
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var endpoint = WebhookEndpoint.Create(currentUser.MemberId!.Value, request.Name, request.Address, request.EventSet, request.Format, request.Internal, request.Enabled, clock.GetUtcNow());
            db.WebhookEndpoints.Add(endpoint);
            return Task.FromResult(endpoint.Id);
        }
    }
}

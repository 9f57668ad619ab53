using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Notifications;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Notifications;

/// <summary>A member chooses, per kind, in the app, also by e-mail, or not at all; and whether to get the daily digest.</summary>
public static class UpdateNotificationSettings
{
    [Authorize]
    public sealed class Command : ICommand<Unit>
    {
        public Dictionary<NotificationKind, NotificationChannel> Channels { get; set; } = [];

        public bool Digest { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleForEach(c => c.Channels).Must(pair => Enum.IsDefined(pair.Key) && Enum.IsDefined(pair.Value))
                .WithMessage("Choose one of the offered options for each kind of notification.");
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId!.Value;
            var existing = await db.NotificationPreferences.Where(p => p.MemberId == me).ToDictionaryAsync(p => p.Kind, cancellationToken);
            foreach (var (kind, channel) in request.Channels)
            {
                if (existing.TryGetValue(kind, out var preference))
                {
                    preference.Channel = channel;
                }
                else
                {
                    db.NotificationPreferences.Add(NotificationPreference.Create(me, kind, channel));
                }
            }

            var subscription = await db.DigestSubscriptions.FirstOrDefaultAsync(d => d.MemberId == me, cancellationToken);
            if (request.Digest && subscription is null)
            {
                db.DigestSubscriptions.Add(DigestSubscription.Create(me, clock.GetUtcNow()));
            }
            else if (!request.Digest && subscription is not null)
            {
                db.DigestSubscriptions.Remove(subscription);
            }

            return Unit.Value;
        }
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Notifications;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Notifications;

/// <summary>What the signed-in member is told, and how: per kind, the digest, and the spaces they watch.</summary>
public static class GetNotificationSettings
{
    [Authorize]
    public sealed record Query : IRequest<Settings>;

    public sealed record Settings(IReadOnlyList<KindSetting> Kinds, bool Digest, bool EmailConfirmed, IReadOnlyList<WatchedSpace> WatchedSpaces);

    public sealed record KindSetting(NotificationKind Kind, string Label, NotificationChannel Channel);

    public sealed record WatchedSpace(string Name, string Slug);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IIdentityService identity) : IRequestHandler<Query, Settings>
    {
        public async Task<Settings> Handle(Query request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId!.Value;
            var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.MemberId == me).ToDictionaryAsync(p => p.Kind, p => p.Channel, cancellationToken);
            var digest = await db.DigestSubscriptions.AnyAsync(d => d.MemberId == me, cancellationToken);
            var spaces = await (
                    from w in db.SpaceWatches
                    join s in db.Spaces on w.SpaceId equals s.Id
                    where w.MemberId == me
                    orderby s.Position
                    select new WatchedSpace(s.Name, s.Slug))
                .ToListAsync(cancellationToken);
            var accounts = await identity.AccountsAsync([me], cancellationToken);
            var kinds = Enum.GetValues<NotificationKind>()
                .Select(k => new KindSetting(k, NotificationWording.Label(k), chosen.TryGetValue(k, out var c) ? c : NotificationDefaults.ChannelFor(k)))
                .ToList();
            return new Settings(kinds, digest, accounts.TryGetValue(me, out var account) && account.EmailConfirmed, spaces);
        }
    }
}

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

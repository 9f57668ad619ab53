using CommunityHub.Domain.Threads;
using CommunityHub.Application.Common.Abstractions;
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

    public sealed record KindSetting(NotificationKind Kind, NotificationChannel Channel);

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
                    join s in db.Spaces.Where(ConversationPolicy.SpaceOpenTo(currentUser.Viewer())) on w.SpaceId equals s.Id
                    where w.MemberId == me
                    orderby s.Position
                    select new WatchedSpace(s.Name, s.Slug))
                .ToListAsync(cancellationToken);
            var accounts = await identity.AccountsAsync([me], cancellationToken);
            var kinds = Enum.GetValues<NotificationKind>()
                .Select(k => new KindSetting(k, chosen.TryGetValue(k, out var c) ? c : NotificationDefaults.ChannelFor(k)))
                .ToList();
            return new Settings(kinds, digest, accounts.TryGetValue(me, out var account) && account.EmailConfirmed, spaces);
        }
    }
}

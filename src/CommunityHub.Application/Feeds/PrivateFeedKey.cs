using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Feeds;

/// <summary>A member's private feed key: see it (null until they make one), make one, or make a new one, which revokes
/// the old one at once (a feed address that leaked stops working).</summary>
public static class PrivateFeedKey
{
    [Authorize]
    public sealed record Query : IRequest<string?>;

    [Authorize]
    public sealed record Renew : ICommand<string>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Query, string?>, IRequestHandler<Renew, string>
    {
        public async Task<string?> Handle(Query request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId!.Value;
            return await db.FeedKeys.AsNoTracking().Where(k => k.MemberId == me).Select(k => k.Key).FirstOrDefaultAsync(cancellationToken);
        }

        public async Task<string> Handle(Renew request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId!.Value;
            var now = clock.GetUtcNow();
            var key = await db.FeedKeys.FirstOrDefaultAsync(k => k.MemberId == me, cancellationToken);
            if (key is null)
            {
                key = FeedKey.Issue(me, now);
                db.FeedKeys.Add(key);
            }
            else
            {
                key.Renew(now);
            }

            return key.Key;
        }
    }
}

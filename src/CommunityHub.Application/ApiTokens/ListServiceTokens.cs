using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.ApiTokens;

/// <summary>The service tokens admins made, each with the bot it acts as, newest first.</summary>
public static class ListServiceTokens
{
    [Authorize(Powers.Administer)]
    public sealed record Query : IRequest<IReadOnlyList<ServiceTokenRow>>;

    public sealed record ServiceTokenRow(ListApiTokens.TokenRow Token, string BotName, string BotHandle, string CreatedByName);

    public sealed class Handler(ICommunityDb db) : IRequestHandler<Query, IReadOnlyList<ServiceTokenRow>>
    {
        public async Task<IReadOnlyList<ServiceTokenRow>> Handle(Query request, CancellationToken cancellationToken) =>
            await (from t in db.ApiTokens.AsNoTracking()
                   where t.CreatedById != null
                   join bot in db.Members on t.MemberId equals bot.Id
                   join admin in db.Members on t.CreatedById equals admin.Id
                   orderby t.CreatedAt descending
                   select new ServiceTokenRow(
                       new ListApiTokens.TokenRow(t.Id, t.Name, t.Scopes, t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.RevokedAt),
                       bot.DisplayName, bot.Handle, admin.DisplayName))
                .ToListAsync(cancellationToken);
    }
}

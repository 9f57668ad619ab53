using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Members;

/// <summary>Whom the signed-in member ignores, for their list on /account (oldest first).</summary>
public static class GetIgnoredMembers
{
    [Authorize]
    public sealed record Query : IRequest<IReadOnlyList<Ignored>>;

    public sealed record Ignored(Guid MemberId, string DisplayName, string Handle, DateTimeOffset Since);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, IReadOnlyList<Ignored>>
    {
        public async Task<IReadOnlyList<Ignored>> Handle(Query request, CancellationToken cancellationToken)
        {
            var me = currentUser.Viewer().MemberId;
            return await (
                    from i in db.IgnoredMembers.AsNoTracking()
                    join m in db.Members on i.IgnoredId equals m.Id
                    where i.IgnorerId == me
                    orderby i.Since, m.DisplayName
                    select new Ignored(m.Id, m.DisplayName, m.Handle, i.Since))
                .ToListAsync(cancellationToken);
        }
    }
}

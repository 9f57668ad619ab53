using CommunityHub.Application.Common.Abstractions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Account;

/// <summary>The current handle of the member who used to be @<see cref="Query.Handle"/>, or null: old profile links
/// and @mentions lead to them after a change of handle.</summary>
public static class FindMemberByFormerHandle
{
    public sealed record Query(string Handle) : IRequest<string?>;

    public sealed class Handler(ICommunityDb db) : IRequestHandler<Query, string?>
    {
        public Task<string?> Handle(Query request, CancellationToken cancellationToken) =>
            (from f in db.FormerHandles.AsNoTracking()
             join m in db.Members on f.MemberId equals m.Id
             where f.Handle == request.Handle && m.FormerAt == null
             select m.Handle).FirstOrDefaultAsync(cancellationToken);
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Members;

/// <summary>A member stops ignoring another (from the other's profile or their own list on /account); not ignoring
/// them already is no error (a second click, an old page).</summary>
public static class StopIgnoringMember
{
    [Authorize]
    public sealed class Command : ICommand<Result>
    {
        public Guid MemberId { get; set; }
    }

    public sealed record Result(string Handle);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.Viewer().MemberId!.Value;
            var handle = await db.Members.AsNoTracking().Where(m => m.Id == request.MemberId).Select(m => m.Handle).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Member", request.MemberId);
            var row = await db.IgnoredMembers.FirstOrDefaultAsync(i => i.IgnorerId == me && i.IgnoredId == request.MemberId, cancellationToken);
            if (row is not null)
            {
                db.IgnoredMembers.Remove(row);
            }

            return new Result(handle);
        }
    }
}

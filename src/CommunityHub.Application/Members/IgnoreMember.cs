using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Members;

/// <summary>A member ignores another (from the other's profile): the other's posts collapse for them and nothing the
/// other does notifies them. Moderators and staff cannot be ignored (<see cref="IgnoredMember.Start"/> refuses).</summary>
public static class IgnoreMember
{
    [Authorize]
    public sealed class Command : ICommand<Result>
    {
        public Guid MemberId { get; set; }
    }

    /// <summary>The ignored member's handle, for the page to go back to.</summary>
    public sealed record Result(string Handle);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.Viewer();
            var target = await db.Members.AsNoTracking()
                .Where(m => m.Id == request.MemberId && m.FormerAt == null)
                .Select(m => new { m.Handle, Already = db.IgnoredMembers.Any(i => i.IgnorerId == me.MemberId && i.IgnoredId == m.Id) })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Member", request.MemberId);
            // Their roles live in Identity, as every check on a member acted upon reads them.
            var ignored = Viewer.Of(request.MemberId, await identity.RolesOfAsync(request.MemberId, cancellationToken));
            var row = IgnoredMember.Start(me, ignored, clock.GetUtcNow());
            if (!target.Already)
            {
                db.IgnoredMembers.Add(row);
            }

            return new Result(target.Handle);
        }
    }
}

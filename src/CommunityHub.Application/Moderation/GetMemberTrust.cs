using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Trust;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Moderation;

/// <summary>A member's trust level as moderators see it: the level, what it is made of, and whether it is locked.</summary>
public static class GetMemberTrust
{
    [Authorize(Powers.Moderate)]
    public sealed record Query(Guid MemberId) : IRequest<MemberTrust>;

    /// <param name="Level">The level in force (the lock's, if locked).</param>
    /// <param name="Earned">The level the member's record earns.</param>
    /// <param name="Levels">Every level by name, for the lock's choice.</param>
    public sealed record MemberTrust(TrustLevel Level, string LevelName, TrustLevel Earned, string EarnedName, bool IsLocked, TrustRecord Record, int DaysSinceJoining, IReadOnlyList<(TrustLevel Level, string Name)> Levels);

    public sealed class Handler(Writers writers, IOptionsSnapshot<TrustOptions> trust, TimeProvider clock) : IRequestHandler<Query, MemberTrust>
    {
        public async Task<MemberTrust> Handle(Query request, CancellationToken cancellationToken)
        {
            var record = await writers.Rows.Where(w => w.MemberId == request.MemberId).Select(w => w.TrustRecord).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Member", request.MemberId);
            var now = clock.GetUtcNow();
            var options = trust.Value;
            var of = TrustRules.Of(record, options, now);
            return new MemberTrust(
                of.Level, options.NameOf(of.Level), of.Earned, options.NameOf(of.Earned), of.IsLocked, record,
                Math.Max(0, (int)(now - record.JoinedAt).TotalDays),
                [.. Enum.GetValues<TrustLevel>().Select(l => (l, options.NameOf(l)))]);
        }
    }
}

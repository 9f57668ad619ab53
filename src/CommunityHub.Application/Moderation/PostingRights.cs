using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

/// <summary>Whether a member may write right now: suspended and banned members read but do not post, and
/// are told why and until when (on the form they sent, like any other refusal they can understand).</summary>
internal static class PostingRights
{
    public static async Task EnsureMayPostAsync(this ICommunityDb db, Guid memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var member = await db.Members
            .Where(m => m.Id == memberId)
            .Select(m => new { m.IsBanned, m.SuspendedUntil, m.SanctionReason })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Member", memberId);
        if (member.IsBanned)
        {
            throw Refusal($"Your account is banned from posting. Reason: {member.SanctionReason?.TrimEnd('.')}. You can still read; if you think this is a mistake, write to the community's moderators.");
        }

        if (member.SuspendedUntil is { } until && until > now)
        {
            throw Refusal($"You are suspended from posting until {Dates.Exact(until)}. Reason: {member.SanctionReason?.TrimEnd('.')}. You can still read in the meantime.");
        }
    }

    public static ValidationException Refusal(string message) => new([new ValidationFailure(string.Empty, message)]);
}

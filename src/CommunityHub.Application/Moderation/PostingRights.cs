using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Moderation;

/// <summary>What an account must have done before it writes (the <c>Identity</c> section of the settings).</summary>
public sealed class PostingOptions
{
    public const string Section = "Identity";

    /// <summary>The refusal an unconfirmed member sees; pages recognise it to offer the confirmation e-mail again.</summary>
    public const string UnconfirmedEmailMessage =
        "Confirm your e-mail address before you post or flag: follow the link in the e-mail we sent when you joined.";

    /// <summary>Members start threads, reply and flag only once their address is confirmed (a throwaway
    /// address cannot spam). On by default.</summary>
    public bool RequireConfirmedEmail { get; set; } = true;
}

/// <summary>Whether a member may write right now: suspended and banned members read but do not post, and
/// are told why and until when (on the form they sent, like any other refusal they can understand); with
/// <see cref="PostingOptions.RequireConfirmedEmail"/>, neither does a member whose address is unconfirmed.</summary>
public sealed class PostingRights(ICommunityDb db, IIdentityService identity, IOptionsSnapshot<PostingOptions> options)
{
    public async Task EnsureMayPostAsync(Guid memberId, DateTimeOffset now, CancellationToken cancellationToken)
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

        if (options.Value.RequireConfirmedEmail
            && (await identity.AccountsAsync([memberId], cancellationToken)).TryGetValue(memberId, out var account)
            && !account.EmailConfirmed)
        {
            throw Refusal(PostingOptions.UnconfirmedEmailMessage);
        }
    }

    public static ValidationException Refusal(string message) => new([new ValidationFailure(string.Empty, message)]);
}

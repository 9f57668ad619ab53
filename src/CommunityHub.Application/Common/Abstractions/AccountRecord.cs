namespace CommunityHub.Application.Common.Abstractions;

/// <summary>A member's sign-in account as queries read it (Identity's tables, seen through one projection): the
/// address to write to, whether it is confirmed, and the roles, which say what the member may see.</summary>
public sealed class AccountRecord
{
    public Guid MemberId { get; init; }

    public string Email { get; init; } = string.Empty;

    public bool EmailConfirmed { get; init; }

    /// <summary>Whether mail may be written to the address: confirmed, and not at the reserved <c>.invalid</c> domain
    /// (RFC 2606; bots' accounts use it), where nothing can ever arrive.</summary>
    public bool Mailable => EmailConfirmed && !Email.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> Roles { get; init; } = [];
}

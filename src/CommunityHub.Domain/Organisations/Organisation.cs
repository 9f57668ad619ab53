using CommunityHub.Domain.Common;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Domain.Organisations;

/// <summary>A customer organisation (an account, in sales words) whose people take part in the community.</summary>
public sealed class Organisation : AggregateRoot
{
    public const int NameMaxLength = 100;

    private Organisation(string name, DateTimeOffset createdAt)
    {
        Name = name;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A new organisation with id <paramref name="id"/> (handed out before writing, so its e-mail domains and
    /// members can refer to it in the same save).</summary>
    public static Organisation Create(int id, string name, DateTimeOffset now) =>
        new(Guard.Text(name, NameMaxLength, "An organisation's name"), now) { Id = id };

    /// <summary>An admin created it, mapping <paramref name="domains"/> (the audit log says so).</summary>
    public void CreatedBy(Guid adminId, IReadOnlyCollection<string> domains, DateTimeOffset now) =>
        Record(new CommunityAdministered(adminId, ModerationAction.CreateOrganisation, null, null,
            domains.Count == 0 ? Name : $"{Name} ({string.Join(", ", domains)})", now));
}

/// <summary>An e-mail domain whose members belong to an organisation ("example.com"), mapped by an admin.</summary>
public sealed class OrganisationDomain
{
    public const int DomainMaxLength = 253;

    private OrganisationDomain(string domain, int organisationId)
    {
        Domain = domain;
        OrganisationId = organisationId;
    }

    public string Domain { get; private set; }

    public int OrganisationId { get; private set; }

    public static OrganisationDomain Map(string domain, int organisationId) => new(Normalise(domain) ?? throw new DomainException("An e-mail domain looks like example.com."), organisationId);

    /// <summary>"Example.COM" → "example.com"; null for what is not a domain name.</summary>
    public static string? Normalise(string? domain)
    {
        var d = domain?.Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();
        return d is { Length: > 0 and <= DomainMaxLength } && d.Contains('.', StringComparison.Ordinal) && !d.StartsWith('.') && d.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            ? d
            : null;
    }

    /// <summary>The domain of an e-mail address, normalised.</summary>
    public static string? OfAddress(string? email) =>
        email is null || email.LastIndexOf('@') is var at && at < 0 ? null : Normalise(email[(at + 1)..]);
}

/// <summary>How a member came to belong to an organisation; an admin's choice outranks a sign-in claim, which
/// outranks the e-mail domain.</summary>
public enum OrganisationSource
{
    EmailDomain = 1,
    SignInClaim = 2,
    Admin = 3,
}

/// <summary>A member's organisation (at most one).</summary>
public sealed class OrganisationMembership
{
    private OrganisationMembership(Guid memberId, int organisationId, OrganisationSource source, DateTimeOffset assignedAt)
    {
        MemberId = memberId;
        OrganisationId = organisationId;
        Source = source;
        AssignedAt = assignedAt;
    }

    public Guid MemberId { get; private set; }

    public int OrganisationId { get; private set; }

    public OrganisationSource Source { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    public static OrganisationMembership Of(Guid memberId, int organisationId, OrganisationSource source, DateTimeOffset at) => new(memberId, organisationId, source, at);

    /// <summary>Whether a new assignment from <paramref name="source"/> may replace this one.</summary>
    public bool YieldsTo(OrganisationSource source) => source >= Source;

    public void MoveTo(int organisationId, OrganisationSource source, DateTimeOffset at)
    {
        OrganisationId = organisationId;
        Source = source;
        AssignedAt = at;
    }
}

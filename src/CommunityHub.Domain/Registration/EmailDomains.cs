using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Registration;

/// <summary>A list of e-mail domains ("example.com"), as an admin writes them (one per line, commas or spaces, with or
/// without a leading "@"): who may register when the community is for customers only, and which addresses fill a
/// group by themselves. A domain matches its own addresses only, not its subdomains' (list those too).</summary>
public sealed class EmailDomains
{
    public const int MaxDomains = 50;
    public const int MaxDomainLength = 253;

    private readonly string[] _domains;

    private EmailDomains(string[] domains) => _domains = domains;

    public static EmailDomains None { get; } = new([]);

    public IReadOnlyList<string> Domains => _domains;

    public bool IsEmpty => _domains.Length == 0;

    /// <summary>Parses a list; a malformed entry is a <see cref="DomainException"/> that names it.</summary>
    public static EmailDomains Parse(string? text)
    {
        var entries = (text ?? string.Empty)
            .Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.TrimStart('@').ToLowerInvariant())
            .Where(d => d.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (entries.Length > MaxDomains)
        {
            throw new DomainException($"List at most {MaxDomains} e-mail domains.");
        }

        foreach (var domain in entries)
        {
            if (!IsDomain(domain))
            {
                throw new DomainException($"\u201c{domain}\u201d is not an e-mail domain (write it like example.com).");
            }
        }

        return new EmailDomains([.. entries.Order(StringComparer.Ordinal)]);
    }

    /// <summary>The domain of an address ("dana@Example.com" → "example.com"), or null when it has none.</summary>
    public static string? DomainOf(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return at < 1 || at == email!.Length - 1 ? null : email[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant();
    }

    /// <summary>Whether the address is at one of the domains.</summary>
    public bool Includes(string? email) => DomainOf(email) is { } domain && Array.IndexOf(_domains, domain) >= 0;

    /// <summary>One line per domain, for storing and for the admin's form.</summary>
    public override string ToString() => string.Join('\n', _domains);

    /// <summary>"example.com" or "example.com and example.org" or "a.com, b.com and c.com", for messages.</summary>
    public string Describe() => _domains.Length <= 1
        ? string.Join(string.Empty, _domains)
        : $"{string.Join(", ", _domains[..^1])} and {_domains[^1]}";

    private static bool IsDomain(string domain)
    {
        if (domain.Length > MaxDomainLength || !domain.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        return domain.Split('.').All(label => label.Length is >= 1 and <= 63
            && label[0] != '-' && label[^1] != '-'
            && label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'));
    }
}

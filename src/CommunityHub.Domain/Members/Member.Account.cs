using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Members;

/// <summary>What a member controls about themselves on their account page: name, handle, a few words and a link,
/// their time zone; and the organisation their company's identity provider says they belong to.</summary>
public sealed partial class Member
{
    public const int BioMaxLength = 500;

    public const int WebsiteMaxLength = 200;

    public const int OrganisationMaxLength = 200;

    public const int TimeZoneMaxLength = 64;

    /// <summary>A few words about themselves, shown on their profile; plain text.</summary>
    public string? Bio { get; private set; }

    /// <summary>An http(s) link shown on their profile.</summary>
    public string? Website { get; private set; }

    /// <summary>An IANA time zone ("Europe/Berlin") every date is shown in; null: the browser's, else UTC.</summary>
    public string? TimeZone { get; private set; }

    /// <summary>The organisation claim of the provider they last signed in with, kept for later use (groups, reports).</summary>
    public string? Organisation { get; private set; }

    /// <summary>Name, bio and link as the member typed them (trimmed; blank bio and link mean none).</summary>
    public void Describe(string displayName, string? bio, string? website)
    {
        EnsureCurrent();
        var name = Guard.Text(displayName, DisplayNameMaxLength, "A display name");
        var trimmedBio = string.IsNullOrWhiteSpace(bio) ? null : bio.Trim();
        if (trimmedBio?.Length > BioMaxLength)
        {
            throw new DomainException($"A bio can be at most {BioMaxLength} characters.");
        }

        var link = string.IsNullOrWhiteSpace(website) ? null : website.Trim();
        if (link is not null && !IsWebLink(link))
        {
            throw new DomainException("A link starts with https:// or http:// and is at most 200 characters.");
        }

        DisplayName = name;
        Bio = trimmedBio;
        Website = link;
    }

    /// <summary>Takes a new handle and returns the one given up, which stays reserved for this member so that
    /// old @mentions and profile links keep finding them; null when the handle did not change.</summary>
    public FormerHandle? ChangeHandle(string handle, DateTimeOffset now)
    {
        EnsureCurrent();
        var wanted = MemberHandle.Require(handle);
        if (wanted == Handle)
        {
            return null;
        }

        var former = new FormerHandle(Handle, Id, now);
        Handle = wanted;
        return former;
    }

    /// <summary>Null clears the choice (dates follow the browser, else UTC); anything else must be a zone this
    /// server knows by its IANA name.</summary>
    public void UseTimeZone(string? zone)
    {
        EnsureCurrent();
        if (string.IsNullOrWhiteSpace(zone))
        {
            TimeZone = null;
            return;
        }

        TimeZone = MemberTimeZone.IsKnown(zone.Trim()) ? zone.Trim() : throw new DomainException($"\"{zone}\" is not a time zone we know. Pick one from the list, for example Europe/Berlin.");
    }

    /// <summary>What the identity provider said; blank clears it. Longer values are cut, since nobody typed them.</summary>
    public void BelongTo(string? organisation)
    {
        var trimmed = string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim();
        Organisation = trimmed is { Length: > OrganisationMaxLength } ? trimmed[..OrganisationMaxLength] : trimmed;
    }

    public static bool IsWebLink(string link) =>
        link.Length <= WebsiteMaxLength
        && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);

    private void EnsureCurrent()
    {
        if (FormerAt is not null)
        {
            throw new DomainException("This account has been deleted.");
        }
    }
}

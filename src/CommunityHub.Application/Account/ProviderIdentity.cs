namespace CommunityHub.Application.Account;

/// <summary>Who a provider says someone is, read from its validated id token (and userinfo) by the web layer,
/// never from a form.</summary>
/// <param name="Provider">The provider's key in the settings.</param>
/// <param name="Subject">The provider's stable id for the person.</param>
public sealed record ProviderIdentity(
    string Provider,
    string Subject,
    string? Email,
    bool EmailVerified,
    string? Name,
    IReadOnlyList<string> Groups,
    string? Organisation);

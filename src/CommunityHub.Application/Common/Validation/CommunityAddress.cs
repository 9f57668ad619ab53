namespace CommunityHub.Application.Common.Validation;

/// <summary>Which addresses are this community's own: an address the community is asked to send to (a webhook, the
/// support desk) must be another system's.</summary>
public static class CommunityAddress
{
    /// <summary>Same host and port as the community's public address (loopback names counted as one host): sending
    /// its own events or threads to itself would loop, or reach admin pages from inside.</summary>
    public static bool IsThisCommunity(Uri url, Uri publicUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(publicUrl);
        return url.Port == publicUrl.Port
            && (string.Equals(url.IdnHost, publicUrl.IdnHost, StringComparison.OrdinalIgnoreCase) || (url.IsLoopback && publicUrl.IsLoopback));
    }
}

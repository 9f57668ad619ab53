using System.Globalization;
using CommunityHub.Application;
using CommunityHub.Application.Common.Abstractions;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Links;

/// <summary>Recognises a link to one of our threads by the thread page's own route (its <c>@page</c> template, read
/// from the mapped endpoints, so the address's shape is still written once), relative to the site or absolute on the
/// community's public address. Anything else (another host, another page, a malformed address) is not a thread.</summary>
public sealed class ThreadAddresses(EndpointDataSource endpoints, IOptions<CommunityOptions> options) : IThreadAddresses
{
    private const string ThreadPage = "/Threads/Show";

    private TemplateMatcher? _matcher;

    private TemplateMatcher Matcher => _matcher ??= new TemplateMatcher(
        new RouteTemplate(endpoints.Endpoints.OfType<RouteEndpoint>()
            .First(e => e.RoutePattern.RequiredValues.TryGetValue("page", out var page) && ThreadPage.Equals(page as string, StringComparison.Ordinal))
            .RoutePattern),
        []);

    public long? ThreadIdOf(string href)
    {
        ArgumentNullException.ThrowIfNull(href);
        var publicUrl = options.Value.PublicUrl;
        Uri address;
        if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(publicUrl, href, out address!))
            {
                return null;
            }
        }
        else if (!Uri.TryCreate(href, UriKind.Absolute, out address!)
            || Uri.Compare(address, publicUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return null;
        }

        var basePath = publicUrl.AbsolutePath.TrimEnd('/');
        var path = address.AbsolutePath;
        if (!path.StartsWith(basePath + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var values = new RouteValueDictionary();
        return Matcher.TryMatch(path[basePath.Length..], values)
            && long.TryParse(values["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}

using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Http;

/// <summary>Brotli or gzip (at their fastest levels: this is CPU per request) for the responses where it pays:
/// the stylesheet, the script, the icon, feeds, and the HTML pages of readers who are not signed in.</summary>
/// <remarks>
/// <para>BREACH: an attacker who can make a victim's browser send requests with text of the attacker's choice
/// reflected in the page (a search, a query string), and who can see the encrypted response's length, can
/// learn a secret in the same compressed page a character at a time. A signed-in member's page holds what only
/// they may read (a staff note, their notifications, their address, a private tie), so it is never compressed,
/// behind TLS or a TLS-terminating proxy alike (the app cannot tell which). What an anonymous reader gets is
/// public; its only per-visitor secret is the antiforgery token of its forms, which is encrypted afresh for
/// every response and so never repeats for the attack to converge on. Static files hold no secrets.</para>
/// <para>At the fastest level a page shrinks to about a fifth (the demo's space page from 21 KB to 4 KB, the
/// stylesheet from 21 KB to 7 KB), which is what a first visit on a slow connection waits for.</para>
/// </remarks>
public static class Compression
{
    private static readonly string[] MimeTypes =
    [
        "text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml", "image/x-icon",
        "application/atom+xml", "application/rss+xml",
    ];

    public static IServiceCollection AddCommunityCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // HTTPS included: which responses may be compressed is decided per response below, not by scheme.
            options.EnableForHttps = true;
            options.MimeTypes = MimeTypes;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, PublicResponsesOnly>();
        return services;
    }

    /// <summary>Whether a response of this content type to this request may be compressed.</summary>
    public static bool MayCompress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var isPage = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        return !isPage || context.User.Identity?.IsAuthenticated != true;
    }

    /// <summary>ASP.NET Core's choice (content type, Accept-Encoding, HTTPS), and never a signed-in member's page.</summary>
    private sealed class PublicResponsesOnly(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context) =>
            MayCompress(context) && base.ShouldCompressResponse(context);
    }
}

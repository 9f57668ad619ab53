using Microsoft.AspNetCore.Mvc;

namespace CommunityHub.Web.Http;

/// <summary>How the app meets HTTP itself: which methods each page answers (<see cref="PageMethodsFilter"/>),
/// malformed form values (<see cref="MalformedForms"/>), compression (<see cref="Compression"/>), and no
/// <c>Server</c> header (it only tells a scanner what to try).</summary>
public static class HttpSetup
{
    public static WebApplicationBuilder AddCommunityHttp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // After MVC's own setup, which adds the model binders that MalformedForms watches.
        builder.Services.PostConfigure<MvcOptions>(options =>
        {
            options.Filters.Add<PageMethodsFilter>();
            options.WatchFormValues();
        });
        builder.Services.AddCommunityCompression();
        return builder;
    }

    /// <summary>Compression wraps everything that writes a body, static files included.</summary>
    public static IApplicationBuilder UseCommunityCompression(this IApplicationBuilder app) => app.UseResponseCompression();
}

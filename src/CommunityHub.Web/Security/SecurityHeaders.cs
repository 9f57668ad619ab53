using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace CommunityHub.Web.Security;

/// <summary>Settings for how the app meets the network (the <c>Security</c> and <c>ForwardedHeaders</c> sections).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Redirect plain HTTP to HTTPS (only useful when this process itself serves HTTPS; behind a
    /// TLS-terminating proxy the proxy does it).</summary>
    public bool RedirectToHttps { get; set; }

    /// <summary>How long browsers remember to use HTTPS only (sent on HTTPS responses outside Development).</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(180);
}

/// <summary>The proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (none by default, so a
/// client cannot pick its own address for the rate limits by sending the header).</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>IP addresses of the reverse proxies or load balancers in front of the app.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of them in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];
}

/// <summary>Response headers that tell the browser what a page may do: only this site's own scripts and
/// styles run (no inline script or style anywhere, so a post that slips past the sanitiser still cannot
/// execute), no framing, no MIME sniffing, no referrer beyond the origin to other sites, no powerful APIs.
/// Also the cookie rules, HSTS and the forwarded-headers trust, each from settings.</summary>
public static class SecurityHeaders
{
    /// <summary>External images are allowed over HTTPS because posts may show them (Markdown images);
    /// everything else comes from the site itself.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>A response that needs a stricter policy than a page's (an attachment) puts it in the request's items under this key.</summary>
    public const string ContentSecurityPolicyItem = "CommunityHub.ContentSecurityPolicy";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public static IServiceCollection AddSecurityHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));

        // Every cookie (sign-in, antiforgery, TempData): unreadable by script, not sent on cross-site
        // sub-requests, and marked Secure whenever the request came over HTTPS.
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
            options.Secure = CookieSecurePolicy.SameAsRequest;
        });
        services.AddHsts(options =>
        {
            options.MaxAge = security.HstsMaxAge;
            options.IncludeSubDomains = false;
        });

        var forwarded = new ForwardedHeadersSettings();
        configuration.GetSection(ForwardedHeadersSettings.Section).Bind(forwarded);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only what is configured is trusted (not even loopback by default).
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in forwarded.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in forwarded.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: the forwarded client address (when proxies are configured), the headers,
    /// HSTS and the HTTPS redirect (outside Development), and the cookie policy.</summary>
    public static WebApplication UseSecurityHardening(this WebApplication app)
    {
        var forwarded = new ForwardedHeadersSettings();
        app.Configuration.GetSection(ForwardedHeadersSettings.Section).Bind(forwarded);
        if (forwarded.KnownProxies.Count > 0 || forwarded.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.Use(static (context, next) =>
        {
            // Set when the response starts, so error pages (whose handlers clear the headers) carry them too.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.ContentSecurityPolicy = ((HttpContext)state).Items[ContentSecurityPolicyItem] as string
                    ?? Authentication.FormActionOrigins.Apply(ContentSecurityPolicy, ((HttpContext)state).RequestServices?.GetService<Authentication.FormActionOrigins>());
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });

        if (!app.Environment.IsDevelopment())
        {
            // UseHsts only ever answers HTTPS requests with the header; plain HTTP stays untouched.
            app.UseHsts();
            if (app.Configuration.GetValue<bool>($"{SecurityOptions.Section}:{nameof(SecurityOptions.RedirectToHttps)}"))
            {
                app.UseHttpsRedirection();
            }
        }

        app.UseCookiePolicy();
        return app;
    }
}

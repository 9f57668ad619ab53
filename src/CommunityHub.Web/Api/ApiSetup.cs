using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityHub.Infrastructure.RateLimiting;
using CommunityHub.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Api;

/// <summary>The <c>Api</c> section: how large a body may be and how often one token may call.</summary>
public sealed class ApiSettings
{
    public const string Section = "Api";

    public long MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Calls one token may make per window, reads and writes together (posting keeps its own limits too).</summary>
    public int PermitLimit { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public bool RateLimitEnabled { get; set; } = true;
}

/// <summary>Marks an endpoint that posts (a new thread, a reply): it counts in the member's posting window too.</summary>
public sealed record ApiPostingMetadata;

/// <summary>The REST API's composition: one call each from Program.cs for services, middleware and endpoints.</summary>
public static class ApiSetup
{
    public const string Prefix = "/api/v1";
    public const string RequestIdHeader = "X-Request-Id";

    public static IServiceCollection AddCommunityApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiSettings>(configuration.GetSection(ApiSettings.Section));
        services.AddApiTokenAuthentication();
        services.ConfigureHttpJsonOptions(options =>
        {
            // A misspelt field is an error, not silently ignored.
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "CommunityHub REST API";
                document.Info.Version = "v1";
                document.Info.Description = "Send a token as \"Authorization: Bearer chub_…\" (make one at /account/tokens). Errors are Problem Details (RFC 9457).";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>For <c>/api</c> paths: a request id on every answer (the id the log lines carry), Problem Details in
    /// place of the HTML status and error pages, and nothing of the sign-in cookie's redirects.</summary>
    public static IApplicationBuilder UseCommunityApi(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), api => api.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                http.Response.Headers[RequestIdHeader] = http.TraceIdentifier;
                return Task.CompletedTask;
            });
            if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            try
            {
                await next(http);
            }
            catch (Exception failure) when (!http.Response.HasStarted && failure is not OperationCanceledException)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiSetup))
                    .LogError(failure, "API request {Path} failed", http.Request.Path.Value);
                http.Response.Clear();
                await ApiProblems.WriteAsync(http, StatusCodes.Status500InternalServerError, "Server error", "Something went wrong on our side; the request id helps us find it.");
                return;
            }

            if (http.Response is { HasStarted: false, StatusCode: >= 400, ContentLength: null } && string.IsNullOrEmpty(http.Response.ContentType))
            {
                await ApiProblems.WriteAsync(http, http.Response.StatusCode, http.Response.StatusCode switch
                {
                    404 => "Not found",
                    405 => "Method not allowed",
                    _ => "Request failed",
                }, http.Response.StatusCode == 404 ? "There is no such API endpoint; see /api/v1/openapi.json." : "The request could not be handled.");
            }
        }));

    public static void MapCommunityApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Prefix + "/openapi.json").ExcludeFromDescription();
        var api = app.MapGroup(Prefix)
            .AddEndpointFilter(RateLimitPerToken)
            .AddEndpointFilter(ApiProblems.Refusals);
        api.MapSpaces();
        api.MapThreads();
        api.MapMembers();
        api.MapReciprocity();
        api.MapModeration();
        api.MapNotifications();
        api.MapSearch();
    }

    /// <summary>One window per token, counted in PostgreSQL like the forms' limits (every instance counts in the same one);
    /// new threads and replies also count in the member's posting window, the same one the pages' forms count in.</summary>
    private static async ValueTask<object?> RateLimitPerToken(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<IOptionsMonitor<ApiSettings>>().CurrentValue;
        if (settings.RateLimitEnabled && http.User.FindFirst(ApiTokenHandler.TokenIdClaim)?.Value is { } tokenId)
        {
            var counter = http.RequestServices.GetRequiredService<SharedRateLimitCounter>();
            if (await counter.HitAsync([($"Api|token:{tokenId}", Math.Max(1, settings.PermitLimit))], settings.Window, http.RequestAborted) is { } retryAfter)
            {
                return TooMany(http, retryAfter, $"This token may make {settings.PermitLimit} calls per {settings.Window.TotalSeconds:0} seconds; wait and retry.");
            }

            var forms = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitSettings>>().CurrentValue;
            if (forms.Enabled && http.GetEndpoint()?.Metadata.GetMetadata<ApiPostingMetadata>() is not null
                && http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } member
                && await counter.HitAsync([($"{RateLimitPolicy.Posting}|member:{member}", Math.Max(1, forms.Posting.PermitLimit))], forms.Posting.Window, http.RequestAborted) is { } wait)
            {
                return TooMany(http, wait, "You have posted a lot in a short time; wait a little and retry.");
            }
        }

        return await next(context);
    }

    private static IResult TooMany(HttpContext http, TimeSpan retryAfter, string detail)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "Too many requests", detail);
    }

    /// <summary>An absolute link to a named API endpoint, where the caller reached the site.</summary>
    public static string? Link(this HttpContext http, LinkGenerator links, string endpoint, object? values) =>
        links.GetUriByName(http, endpoint, values);
}

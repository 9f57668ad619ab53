using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CommunityHub.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Security;

/// <summary>How often one account and one client address may use each limited form (the <c>RateLimits</c> section).</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    public RateLimitPolicySettings SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };

    public RateLimitPolicySettings Registration { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromHours(1) };

    public RateLimitPolicySettings PasswordReset { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromHours(1) };

    /// <summary>New threads, replies and edits together. An address allows more, as an office shares one.</summary>
    public RateLimitPolicySettings Posting { get; set; } = new() { PermitLimit = 20, AddressPermitLimit = 100, Window = TimeSpan.FromMinutes(5) };

    public RateLimitPolicySettings Flagging { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Files uploaded ahead of posting (the composer's paste and drop); files sent with a post count as posting.</summary>
    public RateLimitPolicySettings Uploading { get; set; } = new() { PermitLimit = 30, AddressPermitLimit = 120, Window = TimeSpan.FromMinutes(10) };

    /// <summary>The composer's completion lookups (@handles): a lookup per pause in typing, so far more than posting.</summary>
    public RateLimitPolicySettings Completion { get; set; } = new() { PermitLimit = 120, AddressPermitLimit = 600, Window = TimeSpan.FromMinutes(1) };
    /// <summary>New pictures on the account page.</summary>
    public RateLimitPolicySettings Avatar { get; set; } = new() { PermitLimit = 10, AddressPermitLimit = 60, Window = TimeSpan.FromMinutes(10) };

    public RateLimitPolicySettings For(RateLimitPolicy policy) => policy switch
    {
        RateLimitPolicy.SignIn => SignIn,
        RateLimitPolicy.Registration => Registration,
        RateLimitPolicy.PasswordReset => PasswordReset,
        RateLimitPolicy.Posting => Posting,
        RateLimitPolicy.Flagging => Flagging,
        RateLimitPolicy.Uploading => Uploading,
        RateLimitPolicy.Completion => Completion,
        RateLimitPolicy.Avatar => Avatar,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, null),
    };
}

public sealed class RateLimitPolicySettings
{
    /// <summary>Requests allowed in each window, separately for each account and each client address.</summary>
    public int PermitLimit { get; set; }

    /// <summary>Requests allowed per client address, when different (people behind one office or mobile
    /// network share an address); unset means <see cref="PermitLimit"/>.</summary>
    public int? AddressPermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

public enum RateLimitPolicy
{
    SignIn,
    Registration,
    PasswordReset,
    Posting,
    Flagging,
    Uploading,
    Completion,
    Avatar,
}

/// <summary>Limits the page's form posts (its GETs only with <see cref="Reads"/>). With <see cref="UnnamedHandlerOnly"/>
/// only the page's plain POST handler counts (a thread page's reply, not its watch or thank buttons).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RateLimitedAttribute(RateLimitPolicy policy) : Attribute
{
    public RateLimitPolicy Policy { get; } = policy;

    public bool UnnamedHandlerOnly { get; init; }

    /// <summary>Its GETs count too: a page that answers a lookup (the composer's completions) rather than a form.</summary>
    public bool Reads { get; init; }
}

/// <summary>ASP.NET Core's rate limiter, with its counters in PostgreSQL (<see cref="SharedRateLimitCounter"/>):
/// a request to a limited form must find room both in its account's window (when signed in) and in its client
/// address's window, and every instance of the app counts in the same windows.</summary>
public static class RateLimits
{
    public static IServiceCollection AddCommunityRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitSettings>(configuration.GetSection(RateLimitSettings.Section));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                // On starting: the status-code page that renders the 429 re-executes and must keep it.
                http.Response.OnStarting(() =>
                {
                    http.Response.Headers.RetryAfter = seconds;
                    return Task.CompletedTask;
                });
                http.Items[RetryAfterItem] = retryAfter;
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))
                    .LogWarning("Rate limit {Policy} reached on {Path}; retry after {RetryAfterSeconds} s",
                        Limited(http)?.Policy, http.Request.Path.Value, seconds);
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = new SharedLimiter();
        });
        return services;
    }

    /// <summary>How long the rejected client should wait, for the 429 page to say.</summary>
    public const string RetryAfterItem = "CommunityHub.RetryAfter";

    /// <summary>The limit that applies to this request: only form posts to a limited page (and its GETs, when it limits reads).</summary>
    private static RateLimitedAttribute? Limited(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>() is not { } limited
            || !(HttpMethods.IsPost(context.Request.Method) || (limited.Reads && HttpMethods.IsGet(context.Request.Method))))
        {
            return null;
        }

        if (limited.UnnamedHandlerOnly
            && (context.Request.Query.ContainsKey("handler") || context.Request.RouteValues.ContainsKey("handler")))
        {
            return null;
        }

        return limited;
    }

    private static string? MemberKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? $"member:{id}" : null;

    // Behind a proxy this is the forwarded client only when the proxy is configured (ForwardedHeaders section).
    private static string AddressKey(HttpContext context) => $"address:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    /// <summary>Requests that no limit applies to pass at once. For a limited one, the synchronous attempt
    /// declines (counting means a database round trip), and the middleware then asks asynchronously, which
    /// counts the hit on the account's and the address's keys in one statement.</summary>
    private sealed class SharedLimiter : PartitionedRateLimiter<HttpContext>
    {
        public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

        protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
            permitCount == 0 || Applying(resource) is null ? Lease.Granted : Lease.AskAsync;

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
        {
            if (permitCount == 0 || Applying(resource) is not { } applying)
            {
                return Lease.Granted;
            }

            var (policy, settings) = applying;

            var keys = new List<(string, int)>(2);
            if (MemberKey(resource) is { } member)
            {
                keys.Add(($"{policy}|{member}", Math.Max(1, settings.PermitLimit)));
            }

            keys.Add(($"{policy}|{AddressKey(resource)}", Math.Max(1, settings.AddressPermitLimit ?? settings.PermitLimit)));
            var window = settings.Window > TimeSpan.Zero ? settings.Window : TimeSpan.FromMinutes(1);
            var counter = resource.RequestServices.GetRequiredService<SharedRateLimitCounter>();
            return await counter.HitAsync(keys, window, cancellationToken) is { } retryAfter ? Lease.Refused(retryAfter) : Lease.Granted;
        }

        private static (RateLimitPolicy Policy, RateLimitPolicySettings Settings)? Applying(HttpContext context)
        {
            var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitSettings>>().CurrentValue;
            return settings.Enabled && Limited(context) is { } limited ? (limited.Policy, settings.For(limited.Policy)) : null;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        /// <summary>Not refused: the answer needs the database, so the caller must ask with AcquireAsync.</summary>
        public static readonly Lease AskAsync = new(false, null);

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}

using System.Globalization;
using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Persistence.Changes;
using CommunityHub.Web.Authentication;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CommunityHub.Web.Http;

/// <summary>The pages every visitor who is not signed in reads alike (home, a space, a thread, a search), kept once
/// rendered until a write changes what they show. Each committed write says what it changed
/// (<see cref="ContentChanges"/>: its threads, or everything); a thread's page is dropped when its thread changes, the
/// lists whenever anything changes. Other instances hear of a write through PostgreSQL's LISTEN/NOTIFY in the writing
/// transaction; while an instance does not hear them, it keeps and serves nothing.</summary>
/// <remarks>
/// <para>Signed-in members never get a kept page (theirs says what only they may read and do). A visitor's request
/// is answered from the cache only when it carries no cookie a page could read besides the time zone (by which pages
/// vary) and the form token's; a response that sets a cookie, or is not a 200, is not kept.</para>
/// <para>A page rendered by a request that began before a change came in is not kept (it may have read the rows
/// from before). Pages say "3 minutes ago": <see cref="VisitorPageCacheOptions.Lifetime"/> bounds how far that drifts.</para>
/// </remarks>
public static class VisitorPageCache
{
    /// <summary>For a thread's page (its route's <c>id</c>): dropped when that thread changes, or everything.</summary>
    public const string ThreadPage = "visitor-thread-page";

    /// <summary>For a page listing threads (home, a space, a search): dropped whenever anything changes.</summary>
    public const string ListPage = "visitor-list-page";

    private const string EveryPage = "visitor";
    private const string Lists = "visitor-lists";
    private const string StartedAt = "visitor-pages:generation";

    public static IServiceCollection AddVisitorPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<VisitorPageCacheOptions>(configuration.GetSection(VisitorPageCacheOptions.Section));
        services.AddOutputCache(options =>
        {
            options.AddPolicy(ThreadPage, new VisitorPages(threadPage: true));
            options.AddPolicy(ListPage, new VisitorPages(threadPage: false));
        });
        services.AddHostedService<Eviction>();
        return services;
    }

    private static string ThreadTag(long threadId) => $"visitor-thread:{threadId}";

    private sealed class VisitorPages(bool threadPage) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var settings = http.RequestServices.GetRequiredService<IOptionsMonitor<VisitorPageCacheOptions>>().CurrentValue;
            var changes = http.RequestServices.GetRequiredService<ContentChanges>();
            var formTokenCookie = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
            var request = http.Request;
            var attempt = settings.Enabled
                && changes.Listening
                && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && http.User.Identity?.IsAuthenticated != true
                && StringValues.IsNullOrEmpty(request.Headers.Authorization)
                && request.Cookies.Keys.All(name => name == ViewerTimeZone.Cookie || name == formTokenCookie);

            context.EnableOutputCaching = true;
            context.AllowCacheLookup = attempt;
            context.AllowCacheStorage = attempt;
            // One request renders a missing page; the others asking for it at that moment wait for it.
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = settings.Lifetime;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["tz"] = MemberTimeZone.Find(request.Cookies[ViewerTimeZone.Cookie]).Id;
            context.Tags.Add(EveryPage);
            context.Tags.Add(threadPage && http.GetRouteValue("id") is string id && long.TryParse(id, CultureInfo.InvariantCulture, out var threadId)
                ? ThreadTag(threadId)
                : Lists);
            http.Items[StartedAt] = changes.Generation;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var changes = http.RequestServices.GetRequiredService<ContentChanges>();
            if (http.Response.StatusCode != StatusCodes.Status200OK
                || !StringValues.IsNullOrEmpty(http.Response.Headers.SetCookie)
                || http.Items[StartedAt] is not long startedAt
                || startedAt != changes.Generation
                || !changes.Listening)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Drops kept pages as changes are heard.</summary>
    private sealed class Eviction(ContentChanges changes, IOutputCacheStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            changes.Changed += Evict;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            changes.Changed -= Evict;
            return Task.CompletedTask;
        }

        private void Evict(ContentChange change)
        {
            if (change.Everything)
            {
                EvictNow(EveryPage);
                return;
            }

            EvictNow(Lists);
            foreach (var thread in change.Threads)
            {
                EvictNow(ThreadTag(thread));
            }
        }

        /// <summary>The in-memory store evicts synchronously, so the page is gone before the writer's response is sent.</summary>
        private void EvictNow(string tag)
        {
            var eviction = store.EvictByTagAsync(tag, CancellationToken.None);
            if (!eviction.IsCompletedSuccessfully)
            {
                eviction.AsTask().GetAwaiter().GetResult();
            }
        }
    }
}

public sealed class VisitorPageCacheOptions
{
    public const string Section = "VisitorPageCache";

    /// <summary>Keep the pages visitors read alike (on by default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a kept page lives at most, changes aside: the drift of its relative dates ("3 minutes ago").</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(30);
}

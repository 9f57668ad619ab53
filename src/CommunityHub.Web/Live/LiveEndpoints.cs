using System.Globalization;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Notifications;
using CommunityHub.Application.Spaces;
using CommunityHub.Application.Threads;
using CommunityHub.Infrastructure.Persistence.Changes;
using MediatR;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Live;

/// <summary>Server-Sent Events for live pages. A page open in a signed-in member's browser holds one stream (the
/// page's cookie signs it in; visitors read pages as they are): a thread's, a space's, or, on any other page, the
/// header's. A stream carries signals only — "thread 42 has posts up to 1234", "3 new threads", "3 unread" — never a
/// post's words: the page fetches new replies as HTML from <c>/s/{slug}/t/{id}/posts?after=</c>, which reads them
/// through the thread page's own query and partial, so the rules of who sees what are the page's, once.</summary>
/// <remarks>Every signal is the reader's own answer to a query sent as them (<see cref="GetNewestPost"/>,
/// <see cref="CountNewThreads"/>, <see cref="CountUnreadNotifications"/>): a staff note or a post awaiting approval
/// moves nothing for a member, and a thread or space they may not open answers 404 before any stream starts (and ends
/// the stream with <c>event: gone</c> if it is moved out of their reach meanwhile).</remarks>
public static class LiveEndpoints
{
    public const string ThreadStream = "live-thread";
    public const string SpaceStream = "live-space";
    public const string HeaderStream = "live-header";

    public static IServiceCollection AddLivePages(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LiveOptions>(configuration.GetSection(LiveOptions.Section));
        services.AddSingleton<LiveStreams>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveStreams>());
        return services;
    }

    public static void MapLive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/live/threads/{id:long}", (long id, long? after, HttpContext http) =>
            StreamAsync(http, new ThreadSignals(id, after ?? 0))).WithName(ThreadStream);
        app.MapGet("/live/spaces/{slug}", (string slug, long? after, HttpContext http) =>
            StreamAsync(http, new SpaceSignals(slug, after ?? 0))).WithName(SpaceStream);
        app.MapGet("/live/notifications", (Delegate)((HttpContext http) => StreamAsync(http, null))).WithName(HeaderStream);
    }

    /// <summary>The stream the layout names for this page (its <c>data-live</c>): the one the page chose, else the
    /// header's; none for a visitor or with live pages turned off.</summary>
    public static string? StreamFor(HttpContext http, ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(viewData);
        if (http.User.Identity?.IsAuthenticated != true || !http.RequestServices.GetRequiredService<IOptionsMonitor<LiveOptions>>().CurrentValue.Enabled)
        {
            return null;
        }

        return viewData[PageStream] as string ?? Links(http).GetPathByName(http, HeaderStream);
    }

    /// <summary>A thread page showing posts up to <paramref name="newestShown"/> (its last page) listens for more.</summary>
    public static void ListenToThread(HttpContext http, ViewDataDictionary viewData, long threadId, long newestShown)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[PageStream] = Links(http).GetPathByName(http, ThreadStream, new { id = threadId, after = newestShown });
    }

    /// <summary>A space's list, whose newest thread is <paramref name="newestShown"/>, listens for new threads.</summary>
    public static void ListenToSpace(HttpContext http, ViewDataDictionary viewData, string slug, long newestShown)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[PageStream] = Links(http).GetPathByName(http, SpaceStream, new { slug, after = newestShown });
    }

    private const string PageStream = "LiveStream";

    private static LinkGenerator Links(HttpContext http) => http.RequestServices.GetRequiredService<LinkGenerator>();

    private static async Task<IResult> StreamAsync(HttpContext http, IPageSignals? page)
    {
        var services = http.RequestServices;
        var settings = services.GetRequiredService<IOptionsMonitor<LiveOptions>>().CurrentValue;
        var mediator = services.GetRequiredService<IMediator>();
        if (!settings.Enabled)
        {
            return Results.NotFound();
        }

        if (page is { After: < 0 })
        {
            return Results.Problem("\"after\" is the id of the newest post or thread the page shows: zero or more.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (services.GetRequiredService<ICurrentUser>().MemberId is not { } member)
        {
            // Live updates are for the page's signed-in reader; a visitor's page is read as it is.
            return Results.Unauthorized();
        }

        string? first;
        try
        {
            // Whether the reader may open what they listen to, before anything is held open for them.
            first = page is null ? null : await page.SignalAsync(mediator, null, http.RequestAborted);
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }

        using var subscription = services.GetRequiredService<LiveStreams>().TryOpen(member);
        if (subscription is null)
        {
            // The page still works without it; the browser does not retry a refused stream.
            http.Response.Headers.RetryAfter = "60";
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LiveEndpoints));
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var cancellationToken = stopping.Token;
        var response = http.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        // A proxy that buffers (nginx) would hold the signals back.
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var unread = -1;
        try
        {
            // A stream that ends (a restart, an outage) is opened again by the browser after this long.
            await WriteAsync(response, "retry: 5000\n\n" + first + await UnreadAsync(), cancellationToken);
            var lastAsked = Environment.TickCount64;
            while (true)
            {
                var change = await subscription.NextAsync(settings.Heartbeat, cancellationToken);
                if (change is null)
                {
                    // Also finds a reader who has gone (the write fails), and notifications nobody announced.
                    await WriteAsync(response, ": heartbeat\n\n" + await UnreadAsync(), cancellationToken);
                    continue;
                }

                var wait = lastAsked + (long)settings.QuietPeriod.TotalMilliseconds - Environment.TickCount64;
                if (wait > 0)
                {
                    // Changes coming in meanwhile merge into this one: one round of questions for all of them.
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken);
                    change = await subscription.NextAsync(TimeSpan.Zero, cancellationToken) is { } more ? change.With(more) : change;
                }

                lastAsked = Environment.TickCount64;
                var signal = page is null ? null : await page.SignalAsync(mediator, change, cancellationToken);
                await WriteAsync(response, signal + await UnreadAsync(), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The reader left, or the instance is stopping: the stream ends cleanly and the browser reconnects elsewhere.
        }
        catch (NotFoundException)
        {
            // What the page shows is no longer the reader's to see (moved to a space they may not enter).
            await WriteAsync(response, "event: gone\ndata: {}\n\n", CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The database away, most likely: the browser opens the stream again after the retry interval.
            logger.LogWarning(exception, "Live stream for {MemberId} ended", member);
        }

        return Results.Empty;

        async Task<string?> UnreadAsync()
        {
            var count = await mediator.Send(new CountUnreadNotifications.Query(), cancellationToken);
            if (count == unread)
            {
                return null;
            }

            unread = count;
            return Event("unread", string.Create(CultureInfo.InvariantCulture, $"{{\"count\":{count}}}"));
        }
    }

    private static async Task WriteAsync(HttpResponse response, string? text, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(text))
        {
            await response.WriteAsync(text, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
    }

    private static string Event(string name, string json) => $"event: {name}\ndata: {json}\n\n";

    /// <summary>What one page listens for: given the changes since it last asked (null: the first time), the signal to
    /// send, if any. A thread or space the reader may not open throws <see cref="NotFoundException"/>.</summary>
    private interface IPageSignals
    {
        long After { get; }

        Task<string?> SignalAsync(IMediator mediator, ContentChange? change, CancellationToken cancellationToken);
    }

    /// <summary>A thread page: "there are posts after the newest you have" (which ones the page fetches as HTML).</summary>
    private sealed class ThreadSignals(long threadId, long newestShown) : IPageSignals
    {
        private long _newest = newestShown;

        public long After { get; } = newestShown;

        public async Task<string?> SignalAsync(IMediator mediator, ContentChange? change, CancellationToken cancellationToken)
        {
            if (change is not null && !change.Everything && !change.Threads.Contains(threadId))
            {
                return null;
            }

            var newest = await mediator.Send(new GetNewestPost.Query(threadId), cancellationToken);
            if (newest <= _newest)
            {
                return null;
            }

            _newest = newest;
            return Event("posts", string.Create(CultureInfo.InvariantCulture, $"{{\"thread\":{threadId},\"newest\":{newest}}}"));
        }
    }

    /// <summary>A space's list: "N threads newer than the newest on your page" (every change reaches the lists).</summary>
    private sealed class SpaceSignals(string slug, long newestShown) : IPageSignals
    {
        private int _count;

        public long After { get; } = newestShown;

        public async Task<string?> SignalAsync(IMediator mediator, ContentChange? change, CancellationToken cancellationToken)
        {
            var count = await mediator.Send(new CountNewThreads.Query(slug, After), cancellationToken);
            if (count == _count)
            {
                return null;
            }

            _count = count;
            return Event("threads", string.Create(CultureInfo.InvariantCulture, $"{{\"count\":{count}}}"));
        }
    }
}

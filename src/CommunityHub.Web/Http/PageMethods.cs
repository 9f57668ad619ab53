using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Http;

/// <summary>A page answers only the methods it has handlers for: anything else is a 405 with an <c>Allow</c>
/// header, decided before antiforgery, binding or any handler runs.</summary>
/// <remarks>Left alone, Razor Pages renders a page without running any handler when no handler matches the
/// method (a TRACE, a PUT, or a POST to a page that only reads), so the page ran without its data and failed
/// with a 500. What a page allows follows Razor Pages' own handler selection: the handlers for the request's
/// handler name (<c>?handler=</c> or the route's <c>{handler}</c>) and the unnamed ones; GET (and HEAD) also when
/// the page has no GET handler at all, because such a page (sign-in, register) renders its form without one.</remarks>
public sealed class PageMethodsFilter(ILogger<PageMethodsFilter> logger) : IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before every other authorization filter, antiforgery's included: a method the page does not
    /// have is answered the same with or without a form token.</summary>
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.ActionDescriptor is not CompiledPageActionDescriptor page || IsErrorPageReExecution(context.HttpContext))
        {
            return;
        }

        var request = context.HttpContext.Request;
        var allowed = Allowed(page, HandlerName(context));
        if (allowed.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        logger.LogInformation("{Page} has no {Method} handler; answered 405", page.DisplayName, request.Method);
        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    /// <summary>The methods <paramref name="page"/> answers for <paramref name="handlerName"/>, in a fixed order.</summary>
    public static IReadOnlyList<string> Allowed(CompiledPageActionDescriptor page, string? handlerName)
    {
        var methods = new SortedSet<string>(MethodOrder.Instance);
        foreach (var handler in page.HandlerMethods)
        {
            if (handler.HttpMethod is { } method && (handler.Name is null || string.Equals(handler.Name, handlerName, StringComparison.OrdinalIgnoreCase)))
            {
                methods.Add(method.ToUpperInvariant());
            }
        }

        if (!page.HandlerMethods.Any(handler => HttpMethods.IsGet(handler.HttpMethod ?? string.Empty)))
        {
            methods.Add(HttpMethods.Get);
        }

        if (methods.Contains(HttpMethods.Get))
        {
            // Razor Pages answers HEAD with the GET handler.
            methods.Add(HttpMethods.Head);
        }

        return [.. methods];
    }

    /// <summary>As Razor Pages reads it: the route's <c>{handler}</c>, else the query's <c>handler</c>.</summary>
    private static string? HandlerName(ActionContext context)
    {
        var fromRoute = Convert.ToString(context.RouteData.Values["handler"], CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(fromRoute))
        {
            return fromRoute;
        }

        return context.HttpContext.Request.Query.TryGetValue("handler", out var fromQuery) ? fromQuery[0] : null;
    }

    /// <summary>The error page is re-executed with the failed request's method (a PUT that found nothing is
    /// shown the 404 page): it must answer whatever the original request used.</summary>
    private static bool IsErrorPageReExecution(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerPathFeature>() is not null;

    private sealed class MethodOrder : IComparer<string>
    {
        public static readonly MethodOrder Instance = new();

        private static readonly string[] Usual = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

        public int Compare(string? x, string? y)
        {
            var byUsage = Rank(x).CompareTo(Rank(y));
            return byUsage != 0 ? byUsage : string.CompareOrdinal(x, y);
        }

        private static int Rank(string? method) => Array.IndexOf(Usual, method) is var index and >= 0 ? index : Usual.Length;
    }
}

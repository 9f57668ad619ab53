using CommunityHub.Web.Operations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages;

/// <summary>The page for every error status: status-code pages and the exception handler re-execute here.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public (string Title, string Explanation) Text => Code switch
    {
        StatusCodes.Status400BadRequest => ("That request did not make sense", "The link or form may be out of date. Go back, reload the page, and try again."),
        StatusCodes.Status403Forbidden => ("You can't do that here", "Your account doesn't have permission for this. If you think it should, ask a moderator."),
        StatusCodes.Status404NotFound => ("We couldn't find that page", "It may have been moved or removed, or the link may be mistyped."),
        StatusCodes.Status405MethodNotAllowed => ("That doesn't work here", "This address can't be used that way. Go back and follow a link or button instead."),
        StatusCodes.Status409Conflict => ("That was already saved", "It looks like the same form was sent twice. Your first submission was kept."),
        StatusCodes.Status413PayloadTooLarge => ("That was too much to send", "The form was larger than this community accepts. Shorten what you wrote and send it again."),
        StatusCodes.Status429TooManyRequests => ("Too many attempts", $"You have sent this form many times in a short while, so it is paused for you. {WaitAdvice} Nothing you sent just now was saved."),
        StatusCodes.Status503ServiceUnavailable => ("We'll be right back", "The community can't reach its database at the moment, so nothing was saved. Wait a little and try again."),
        _ => ("Something went wrong on our side", "The problem has been logged. Try again in a moment."),
    };

    /// <summary>How long the rate limiter asked this client to wait (the Retry-After header says it to programs).</summary>
    private string WaitAdvice => HttpContext.Items[Security.RateLimits.RetryAfterItem] is TimeSpan wait
        ? $"Try again in {(wait.TotalSeconds < 90 ? $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds" : $"{(int)Math.Ceiling(wait.TotalMinutes)} minutes")}."
        : "Wait a few minutes and try again.";

    /// <summary>No handlers: status-code pages and the exception handler re-execute this page with the failed
    /// request's method, whatever it was (a PUT that found nothing, a POST that failed, an OPTIONS, which Razor
    /// Pages would otherwise answer with an empty 200), so it answers in the page filter, which runs for every
    /// method. Reached directly, it answers GET and HEAD only.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Show(int.TryParse(Convert.ToString(RouteData.Values["code"], System.Globalization.CultureInfo.InvariantCulture), out var code) ? code : null);
        context.Result = Page();
    }

    private void Show(int? code)
    {
        // The exception handler re-executes /error/500 but keeps the status it chose: 503 while the database is
        // away, or the 400/413 of a malformed or oversized form. The page must name that one.
        Code = Response.StatusCode >= 400 ? Response.StatusCode : code is >= 400 and < 600 ? code.Value : StatusCodes.Status500InternalServerError;
        if (Code == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Re-executed pages keep the original status; reached directly, answer with the code shown.
        if (Response.StatusCode < 400)
        {
            Response.StatusCode = Code;
        }
    }
}

using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Domain.Common;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommunityHub.Web.Forms;

/// <summary>Turns what a use case refused into what the browser should see, so pages stay thin:
/// validation failures go back to the form as field errors (forms bind their command as "Input"),
/// a missing thing is a 404, an anonymous visitor is sent to sign in, a member without the right is a 403,
/// and a second copy of something that must be unique is a 409.</summary>
public sealed class UseCaseOutcomeFilter(ILogger<UseCaseOutcomeFilter> logger) : IAsyncPageFilter
{
    public const string FormPrefix = "Input";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled)
        {
            return;
        }

        IActionResult? result = executed.Exception switch
        {
            ValidationException invalid when HttpMethods.IsPost(context.HttpContext.Request.Method) =>
                await BackToTheForm(context, invalid),
            ValidationException => new BadRequestResult(),
            // A domain rule refused the request (helping yourself, say): said on the page like a validation failure.
            DomainException refused when HttpMethods.IsPost(context.HttpContext.Request.Method) =>
                await BackToTheForm(context, new ValidationException([new ValidationFailure(string.Empty, refused.Message)])),
            DomainException => new BadRequestResult(),
            NotFoundException => new NotFoundResult(),
            NotSignedInException => new ChallengeResult(),
            ForbiddenException => new StatusCodeResult(StatusCodes.Status403Forbidden),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                new StatusCodeResult(StatusCodes.Status409Conflict),
            _ => null,
        };

        if (result is not null)
        {
            logger.LogInformation("{Page} answered {Outcome}: {Reason}", context.ActionDescriptor.DisplayName, result.GetType().Name, executed.Exception.Message);
            executed.Result = result;
            executed.ExceptionHandled = true;
        }
    }

    private static async Task<IActionResult> BackToTheForm(PageHandlerExecutingContext context, ValidationException invalid)
    {
        foreach (var failure in invalid.Errors)
        {
            var key = string.IsNullOrEmpty(failure.PropertyName) ? string.Empty : $"{FormPrefix}.{failure.PropertyName}";
            context.ModelState.AddModelError(key, failure.ErrorMessage);
        }

        if (context.HandlerInstance is IReloadOnInvalidPost page)
        {
            await page.ReloadAsync(context.HttpContext.RequestAborted);
        }

        return new PageResult();
    }
}

using System.Text;
using CommunityHub.Application;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Escalation;
using CommunityHub.Web.Links;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Escalation;

/// <summary>The thread's absolute address for the desk, from the thread page's route and the public address.</summary>
public sealed class EscalationLinks(CommunityLinks links, IOptions<CommunityOptions> options) : IEscalationLinks
{
    public string Thread(string spaceSlug, long threadId) => options.Value.Link(links.Thread(spaceSlug, threadId).Path);
}

/// <summary>The desk's side of escalation on the web: the links it needs, and <c>POST /support-desk/callback</c>, where a
/// desk speaking the generic format says a case was solved or closed (signed; see <see cref="DeskSignature"/>).</summary>
public static class SupportDeskWeb
{
    /// <summary>A callback is a few hundred bytes; anything much larger is not one.</summary>
    public const int MaxCallbackBytes = 16 * 1024;

    public static IServiceCollection AddSupportDeskWeb(this IServiceCollection services) =>
        services.AddScoped<IEscalationLinks, EscalationLinks>();

    public static void MapSupportDeskCallback(this IEndpointRouteBuilder app) =>
        app.MapPost("/support-desk/callback", CallbackAsync).WithName("SupportDeskCallback").DisableAntiforgery();

    private static async Task<IResult> CallbackAsync(HttpRequest request, IMediator mediator, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(SupportDeskWeb));
        if (request.ContentLength > MaxCallbackBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The callback is too large.", detail: $"A callback is at most {MaxCallbackBytes} bytes.");
        }

        var body = await ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The callback is too large.", detail: $"A callback is at most {MaxCallbackBytes} bytes.");
        }

        try
        {
            var outcome = await mediator.Send(
                new RecordDeskUpdate.Command(request.Headers[DeskSignature.TimestampHeader], request.Headers[DeskSignature.SignatureHeader], body),
                cancellationToken);
            logger.LogInformation("The support desk said case {CaseId} is solved ({Outcome})", outcome.CaseId, outcome.Changed ? "recorded" : "known already");
            return Results.Ok(new { caseId = outcome.CaseId, status = "solved" });
        }
        catch (DeskSignatureException refused)
        {
            // Said to the log, not to the caller: a forger learns nothing about why.
            logger.LogWarning("Refused a support desk callback from {RemoteAddress}: {Reason}", request.HttpContext.Connection.RemoteIpAddress, refused.Message);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The callback's signature is missing, wrong or stale.",
                detail: $"Sign timestamp + \".\" + body with HMAC-SHA256 and the desk's signing secret; send {DeskSignature.TimestampHeader} and {DeskSignature.SignatureHeader}.");
        }
        catch (ValidationException invalid)
        {
            return Results.ValidationProblem(invalid.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        }
        catch (NotFoundException)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No open case has that id.");
        }
    }

    /// <summary>The body as text, or null when it is larger than <see cref="MaxCallbackBytes"/> (sent without a length).</summary>
    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxCallbackBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return read > MaxCallbackBytes ? null : Encoding.UTF8.GetString(buffer, 0, read);
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommunityHub.Web.Api;

/// <summary>The API's answers: Problem Details (RFC 9457) for every refusal, JSON with an ETag for reads, and request
/// bodies read strictly (unknown fields, wrong types and broken JSON are 400s that say where, a body over the limit a 413).</summary>
public static class ApiProblems
{
    public const string ProblemType = "application/problem+json";

    public static async Task WriteAsync(HttpContext http, int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Instance = http.Request.Path;
        problem.Extensions["requestId"] = http.TraceIdentifier;
        http.Response.StatusCode = status;
        http.Response.ContentType = ProblemType;
        await JsonSerializer.SerializeAsync(http.Response.Body, problem, problem.GetType(), Json(http), http.RequestAborted);
    }

    public static IResult Problem(int status, string title, string detail, IDictionary<string, string[]>? errors = null) =>
        new ProblemResult(status, title, detail, errors);

    private sealed record ProblemResult(int Status, string Title, string Detail, IDictionary<string, string[]>? Errors) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, Status, Title, Detail, Errors);
    }

    private static JsonSerializerOptions Json(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    /// <summary>A read's answer: JSON with a strong ETag of its bytes; a client that already holds them gets a 304.
    /// <c>private</c>: what a token sees is its member's, never for a shared cache.</summary>
    public static IResult Read<T>(T value) => new ReadResult<T>(value);

    private sealed record ReadResult<T>(T Value) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(Value, Json(httpContext));
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";
            httpContext.Response.Headers.ETag = etag;
            httpContext.Response.Headers.CacheControl = "private, no-cache";
            httpContext.Response.Headers.Vary = "Authorization";
            if (httpContext.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*")))
            {
                httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.ContentLength = bytes.Length;
            await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted);
        }
    }

    /// <summary>Reads the body as <typeparamref name="T"/>: null with the problem to answer when it is not acceptable.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadBodyAsync<T>(HttpContext http) where T : class
    {
        ArgumentNullException.ThrowIfNull(http);
        var limit = http.RequestServices.GetRequiredService<IOptions<ApiSettings>>().Value.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        if (http.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as JSON, with \"Content-Type: application/json\"."));
        }

        // Counted while read, for a body sent without a length (chunked).
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Empty body", "This request needs a JSON body."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), Json(http));
            return value is null ? (null, Problem(StatusCodes.Status400BadRequest, "Empty body", "The body is JSON null; send an object.")) : (value, null);
        }
        catch (JsonException broken)
        {
            // The serializer's message names the field (path), the line and the position; nothing of the body is echoed.
            var field = string.IsNullOrEmpty(broken.Path) || broken.Path == "$" ? "$" : broken.Path;
            return (null, Problem(StatusCodes.Status400BadRequest, "The body is not acceptable JSON", broken.Message.Split(" Path:")[0], new Dictionary<string, string[]> { [field] = [broken.Message] }));
        }
    }

    private static IResult TooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"A request body may be at most {limit} bytes.");

    /// <summary>Turns the use cases' refusals into Problem Details: the same exceptions the pages turn into form errors.</summary>
    public static async ValueTask<object?> Refusals(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (ValidationException invalid)
        {
            var errors = invalid.Errors.GroupBy(e => Camel(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
            return Problem(StatusCodes.Status400BadRequest, "Invalid request", string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage).Distinct()), errors);
        }
        catch (NotFoundException)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", "There is no such thing, or this token's member may not see it.");
        }
        catch (NotSignedInException)
        {
            return Problem(StatusCodes.Status401Unauthorized, "Not authenticated", "Send a token of this community.");
        }
        catch (ForbiddenException forbidden)
        {
            return Problem(StatusCodes.Status403Forbidden, "Forbidden", string.IsNullOrEmpty(forbidden.Message) || forbidden.Message.StartsWith("Exception of type", StringComparison.Ordinal) ? "This member may not do that." : forbidden.Message);
        }
        catch (DomainException refused)
        {
            return Problem(StatusCodes.Status409Conflict, "Refused", refused.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem(StatusCodes.Status409Conflict, "Changed meanwhile", "Someone changed this at the same time; read it again and retry.");
        }
        catch (DbUpdateException duplicate) when (duplicate.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problem(StatusCodes.Status409Conflict, "Already done", "This was done already (a duplicate).");
        }
    }

    private static string Camel(string name) =>
        string.IsNullOrEmpty(name) ? "$" : string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

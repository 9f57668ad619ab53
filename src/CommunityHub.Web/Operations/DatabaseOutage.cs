using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace CommunityHub.Web.Operations;

/// <summary>While PostgreSQL is away (restarting, failing over, unreachable), pages answer 503 with the friendly
/// error page and a Retry-After, never a 500 or a stack trace; every request tries the database afresh, so the app
/// recovers by itself when it is back. Other failures stay 500.</summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>Whether <paramref name="exception"/>, or anything it wraps (EF's DbUpdateException, the retry
    /// strategy's InvalidOperationException, an AggregateException), says the database could not be reached.</summary>
    public static bool IsCause(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 10; depth++)
        {
            switch (exception)
            {
                // Transient: a socket or I/O failure, or the server refusing work (shutting down, starting up,
                // out of connections). A constraint violation or a syntax error is not transient.
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsCause):
                    return true;
            }

            exception = exception.InnerException;
        }

        return false;
    }

    /// <summary>In place of <c>UseExceptionHandler("/error/500")</c>: the same page, with 503 when the database is away.</summary>
    public static IApplicationBuilder UseCommunityExceptionHandler(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            StatusCodeSelector = exception => IsCause(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
        });

    /// <summary>The sign-in cookie's periodic security-stamp check reads the database; during an outage it is
    /// put off to the next request instead of failing this one before the error page could even render.</summary>
    public static IServiceCollection AddDatabaseOutageHandling(this IServiceCollection services) =>
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var validate = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                try
                {
                    await validate(context);
                }
                catch (Exception exception) when (IsCause(exception))
                {
                    // Keep the principal as the cookie says; the check runs again on the next request.
                }
            };
        });
}

using Serilog;
using Serilog.Formatting.Compact;

namespace CommunityHub.Web.Operations;

/// <summary>Serilog from configuration (levels, extra sinks), plus the console: one readable line per event
/// by default, or one JSON object per event (<c>Logging:Format=json</c>) for a log collector. Every event
/// written while a request runs carries its <c>RequestId</c>, so one request's lines can be found together.</summary>
public static class Logging
{
    private const string ReadableTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {RequestId}{NewLine}{Exception}";

    /// <remarks>The static <see cref="Log.Logger"/> is left alone (<c>preserveStaticLogger</c>): otherwise every
    /// logger the app hands out writes through it, and it is whichever host in the process was built last, so apps
    /// in one process (the tests' apps side by side) logged into each other's sinks.</remarks>
    public static IServiceCollection AddCommunityLogging(this IServiceCollection services, IConfiguration configuration)
    {
        void Configure(IServiceProvider provider, LoggerConfiguration logger)
        {
            logger.ReadFrom.Configuration(configuration)
                .ReadFrom.Services(provider)
                .Enrich.FromLogContext();
            if (string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: ReadableTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return services.AddSerilog(Configure, preserveStaticLogger: true);
    }

    /// <summary>One line per request (method, path without the query string, status, time). Never the body
    /// or the query: forms carry passwords, and links carry reset and confirmation tokens.</summary>
    /// <remarks>The lines go to this app's own logger: without one, Serilog's middleware writes to the static
    /// <see cref="Log.Logger"/>, which is whichever host in the process was built last.</remarks>
    public static IApplicationBuilder UseCommunityRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options => options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>());
}

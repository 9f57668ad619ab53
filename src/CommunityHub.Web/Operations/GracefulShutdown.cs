namespace CommunityHub.Web.Operations;

/// <summary>On SIGTERM (or Ctrl-C) the server stops accepting connections, lets the requests under way finish
/// within <c>Shutdown:Timeout</c> (default 30 s), stops the background services, and exits 0. Give an
/// orchestrator's stop grace period a few seconds more than that.</summary>
public static class GracefulShutdown
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<HostOptions>(options => options.ShutdownTimeout = configuration.GetValue("Shutdown:Timeout", DefaultTimeout));
}

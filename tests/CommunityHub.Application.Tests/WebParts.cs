using CommunityHub.Web.Links;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application.Tests;

/// <summary>The web layer's e-mail templates and links, as the app composes them: from the real page routes, through
/// ASP.NET Core's own link generator (the pages are mapped; no server runs).</summary>
internal static class WebParts
{
    private static readonly Lazy<WebApplication> App = new(() =>
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(Program).Assembly.GetName().Name });
        builder.Services.AddCommunityPages();
        // A running app hands its mapped endpoints to routing when its pipeline starts; this one never starts.
        var mapped = new List<EndpointDataSource>();
        builder.Services.AddSingleton<EndpointDataSource>(_ => new CompositeEndpointDataSource(mapped));
        var app = builder.Build();
        app.MapRazorPages();
        mapped.AddRange(((IEndpointRouteBuilder)app).DataSources);
        return app;
    });

    private static LinkGenerator Links => App.Value.Services.GetRequiredService<LinkGenerator>();

    /// <summary>The app's recognition of its thread addresses, for a community at <paramref name="publicUrl"/>.</summary>
    public static ThreadAddresses ThreadAddressesOn(Uri publicUrl) =>
        new(App.Value.Services.GetRequiredService<EndpointDataSource>(), Microsoft.Extensions.Options.Options.Create(new CommunityOptions { PublicUrl = publicUrl }));

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton(Links);
        services.AddHttpContextAccessor();
        services.AddScoped<CommunityLinks>();
        services.AddScoped<Common.Abstractions.IEmailComposer, Web.Email.EmailTemplates>();
        services.AddScoped<global::CommunityHub.Application.Webhooks.IWebhookLinks, WebhookLinks>();
        services.AddSingleton<Common.Abstractions.IThreadAddresses>(sp => new ThreadAddresses(
            App.Value.Services.GetRequiredService<EndpointDataSource>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CommunityOptions>>()));
    }
}

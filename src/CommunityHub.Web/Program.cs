using CommunityHub.Application;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Ties;
using CommunityHub.Infrastructure;
using CommunityHub.Infrastructure.Persistence;
using CommunityHub.Web.Api;
using CommunityHub.Web.Authentication;
using CommunityHub.Web.Escalation;
using CommunityHub.Web.Feeds;
using CommunityHub.Web.Http;
using CommunityHub.Web.Identity;
using CommunityHub.Web.Links;
using CommunityHub.Web.Live;
using CommunityHub.Web.Operations;
using CommunityHub.Web.Security;
using CommunityHub.Web.Tools;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(CommandLineTools.HostArguments(args));

builder.Services.AddCommunityLogging(builder.Configuration);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.AddScoped<CommunityHub.Web.Security.RegistrationFormGuard>();

builder.Services.Configure<CommunityOptions>(builder.Configuration.GetSection(CommunityOptions.Section));
builder.Services.Configure<CommunityHub.Application.Ideas.IdeaOptions>(builder.Configuration.GetSection(CommunityHub.Application.Ideas.IdeaOptions.Section));
builder.Services.Configure<TieOptions>(builder.Configuration.GetSection(TieOptions.SectionName));
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);

builder.Services.ConfigureApplicationCookie(cookie =>
{
    cookie.LoginPath = "/account/sign-in";
    cookie.LogoutPath = "/account/sign-out";
    cookie.AccessDeniedPath = "/error/403";
    cookie.Cookie.Name = "communityhub.auth";
    cookie.Cookie.HttpOnly = true;
    cookie.Cookie.SameSite = SameSiteMode.Lax;
    cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    cookie.SlidingExpiration = true;
});
// Roles travel in the cookie. Changing someone's roles renews their security stamp; checking it every
// minute (not the default half hour) makes a new role, or a removed one, take effect within a minute.
builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "communityhub.csrf";
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddCommunityAuthentication(builder.Configuration);
builder.Services.AddSecurityHardening(builder.Configuration);
builder.Services.AddCommunityRateLimits(builder.Configuration);
builder.Services.AddVisitorPageCache(builder.Configuration);
builder.Services.AddLivePages(builder.Configuration);
builder.AddCommunityHttp();

builder.Services.AddCommunityPages();
// The REST API under /api/v1: token authentication, JSON, OpenAPI (Web/Api).
builder.Services.AddCommunityApi(builder.Configuration);
// Escalation to the support desk (issue 17): the desk's links and its callback.
builder.Services.AddSupportDeskWeb();

builder.Services.AddCommunityHealthChecks();
builder.Services.AddDatabaseOutageHandling();
builder.Services.AddGracefulShutdown(builder.Configuration);

var app = builder.Build();

if (!await app.WaitForDatabaseAsync(app.Lifetime.ApplicationStopping))
{
    return 1;
}

await using (var scope = app.Services.CreateAsyncScope())
{
    // A maintenance command never seeds: `import` needs the empty database it was pointed at, even where
    // Seed__Demo is set for the web instances (as in docker-compose.yml).
    var seedDemo = app.Configuration.GetValue<bool>("Seed:Demo") && !CommandLineTools.IsCommand(args);
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
        .InitializeAsync(seedDemo, app.Lifetime.ApplicationStopping);
}

if (CommandLineTools.IsCommand(args))
{
    // `CommunityHub.Web <command>` (or `./run.sh <command>`): a maintenance command, then stop.
    return await CommandLineTools.RunAsync(app, args);
}

app.UseSecurityHardening();
// Outside the exception handler and the status-code pages, so the line logged is the status the client got
// (a 503 during an outage, a 499 for a client that hung up), on the path it asked for.
app.UseCommunityRequestLogging();
if (!app.Environment.IsDevelopment())
{
    app.UseCommunityExceptionHandler();
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseCommunityCompression();
app.UseStaticFiles();
app.UseCommunityApi();
app.UseRouting();
app.UseAuthentication();
app.UseRateLimiter();
app.UseOutputCache();
app.UseAuthorization();

app.MapCommunityHealth();
app.MapRazorPages();
app.MapFeeds();
app.MapLive();
app.MapCommunityApi();
app.MapSupportDeskCallback();

await app.RunAsync();
return 0;

/// <summary>Visible to the web tests' WebApplicationFactory.</summary>
public partial class Program;

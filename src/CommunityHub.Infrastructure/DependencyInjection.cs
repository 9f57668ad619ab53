using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Notifications;
using CommunityHub.Application.Search;
using CommunityHub.Infrastructure.Email;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Infrastructure.Markdown;
using CommunityHub.Infrastructure.Persistence;
using CommunityHub.Infrastructure.Persistence.Changes;
using CommunityHub.Infrastructure.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommunityHub.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Community";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"No database configured: set ConnectionStrings:{ConnectionStringName} (for example the environment variable ConnectionStrings__{ConnectionStringName}).");

        // Pooled contexts with options built once: configuring a context per request (parsing the connection string,
        // looking up EF's internal services by the options) cost more CPU than the thread page's own queries.
        // Interceptors registered in the container as singletons (tests add a statement counter this way) join every context.
        connectionString = WithoutJit(connectionString);
        services.AddDbContextPool<CommunityDbContext>((provider, options) =>
            ConfigureDatabase(options, connectionString).AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddScoped<ICommunityDb>(provider => provider.GetRequiredService<CommunityDbContext>());

        // What each committed write changed of what visitors read, for this instance's page cache and, through
        // LISTEN/NOTIFY, every other instance's.
        services.AddSingleton<ContentChanges>();
        services.AddSingleton<IInterceptor, ContentChangeInterceptor>();
        services.AddHostedService(provider => new ContentChangeListener(
            provider.GetRequiredService<ContentChanges>(), connectionString, provider.GetRequiredService<ILogger<ContentChangeListener>>()));

        services.AddIdentity<CommunityUser, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Settings override the defaults above: Identity:Password:RequiredLength, Identity:Lockout:MaxFailedAccessAttempts...
                configuration.GetSection("Identity:Password").Bind(options.Password);
                configuration.GetSection("Identity:Lockout").Bind(options.Lockout);
            })
            .AddEntityFrameworkStores<CommunityDbContext>()
            .AddClaimsPrincipalFactory<CommunityClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        // Cookies and antiforgery tokens are protected with keys kept in the database, so every instance of
        // the app (behind a load balancer, or after a restart) reads what any other wrote.
        services.AddDataProtection()
            .SetApplicationName("CommunityHub")
            .PersistKeysToDbContext<CommunityDbContext>();

        services.AddScoped<IIdentityService, IdentityService>();
        services.AddAccountSecurity(configuration);
        services.Configure<PostingOptions>(configuration.GetSection(PostingOptions.Section));
        services.Configure<Application.Registration.RegistrationOptions>(configuration.GetSection(Application.Registration.RegistrationOptions.Section));
        services.Configure<Domain.Trust.TrustOptions>(configuration.GetSection(Domain.Trust.TrustOptions.Section));
        // Akismet beside the local spam scorer: it calls out only once Spam:Akismet:ApiKey is set.
        services.Configure<Spam.AkismetOptions>(configuration.GetSection(Spam.AkismetOptions.Section));
        services.AddHttpClient(Spam.AkismetSpamCheck.ClientName);
        services.AddHttpContextAccessor();
        services.AddScoped<Application.Trust.ISpamCheck, Spam.AkismetSpamCheck>();
        services.AddScoped<ITieStore, Ties.TieStore>();
        services.AddScoped<IKeys, Keys>();
        services.AddSingleton<IMarkdownRenderer, MarkdownRenderer>();
        services.AddScoped<IPostSearch, PostgresPostSearch>();
        services.AddScoped<Application.Asking.ISimilarThreads, Asking.PostgresSimilarThreads>();
        services.AddScoped<Application.Asking.IAskingLog, Asking.AskingLog>();
        services.AddScoped<IThreadReadMarks, ThreadReadMarks>();
        services.AddScoped<INotificationStore, NotificationStore>();
        services.AddScoped<RateLimiting.SharedRateLimitCounter>();

        // E-mail: queued in the database by the use cases, sent by a background service on every instance.
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.Configure<DigestOptions>(configuration.GetSection(DigestOptions.Section));
        var delivery = configuration.GetSection(EmailOptions.Section)["Delivery"];
        if (string.Equals(delivery, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IEmailTransport, SmtpTransport>();
        }
        else
        {
            services.AddSingleton<IEmailTransport, PickupDirectoryTransport>();
        }

        services.AddScoped<EmailDispatcher>();
        services.AddHostedService<EmailSendingService>();
        services.AddHostedService<DigestService>();
        services.Configure<Ties.TieWorkOptions>(configuration.GetSection(Ties.TieWorkOptions.Section));
        services.AddHostedService<Ties.TieStructureService>();
        services.AddScoped<Application.Ties.IHelpCandidateSearch, Ties.PostgresHelpCandidateSearch>();
        services.Configure<Application.Ties.TieCalibrationOptions>(configuration.GetSection(Application.Ties.TieCalibrationOptions.Section));
        services.AddHostedService<Ties.TieModelRefresher>();
        services.AddHostedService<Ties.TieCalibrationService>();

        AddAttachments(services, configuration);
        Escalation.EscalationServices.AddEscalation(services, configuration);

        // Webhooks (issue 17): queued by the use cases, fanned out and delivered by a background service on every instance.
        services.Configure<Webhooks.WebhookOptions>(configuration.GetSection(Webhooks.WebhookOptions.Section));
        services.AddHttpClient(Webhooks.WebhookDispatcher.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddScoped<Webhooks.WebhookDispatcher>();
        services.AddHostedService<Webhooks.WebhookDeliveryService>();

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<Persistence.Seeding.DemoCommunity>();
        return services;
    }

    /// <summary>Attachments: images through SkiaSharp; the bytes in the database unless <c>Attachments:Storage</c> is <c>S3</c>.</summary>
    private static void AddAttachments(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Application.Attachments.AttachmentOptions.Section);
        services.Configure<Application.Attachments.AttachmentOptions>(section);
        services.AddSingleton<Application.Attachments.IImageProcessor, Attachments.SkiaImageProcessor>();
        services.AddHostedService<Attachments.AttachmentCleanupService>();
        if (string.Equals(section["Storage"], "S3", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<Attachments.S3Bucket>();
            services.AddScoped<Attachments.S3AttachmentStore>();
            services.AddScoped<Application.Attachments.IAttachmentStore>(provider => provider.GetRequiredService<Attachments.S3AttachmentStore>());
            services.AddScoped<Application.Common.Persistence.IUnitOfWorkParticipant>(provider => provider.GetRequiredService<Attachments.S3AttachmentStore>());
        }
        else
        {
            services.AddScoped<Application.Attachments.IAttachmentStore, Attachments.DatabaseAttachmentStore>();
        }
    }

    /// <summary>Every use case runs in the execution strategy as one unit (TransactionBehaviour). Besides transient
    /// failures, a unique violation retries it too: it means a concurrent request committed the same thing first
    /// (the same form sent twice at the same instant, "helped" marked twice), and on the retry the use case sees
    /// that row and answers as it does for a second submission. A violation that is no race still fails, at the end.</summary>
    /// <remarks>PostgreSQL's JIT is off for the app's sessions: it compiles any statement whose estimated cost passes
    /// 100,000, and a short query whose estimate is inflated by a few outer joins (the notifier's audience) then took
    /// 600 ms of compiling to read one row. A web app's statements are short; the JIT never pays for itself here.</remarks>
    /// <param name="connectionString">With PostgreSQL's JIT turned off (<see cref="WithoutJit"/>).</param>
    internal static DbContextOptionsBuilder ConfigureDatabase(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(
                maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(30), errorCodesToAdd: [PostgresErrorCodes.UniqueViolation]))
            .UseSnakeCaseNamingConvention();

    internal static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : $"{builder.Options} -c jit=off";
        return builder.ConnectionString;
    }
}

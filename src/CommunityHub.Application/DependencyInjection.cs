using CommunityHub.Application.Account;
using CommunityHub.Application.Common.Behaviours;
using CommunityHub.Application.Common.Events;
using CommunityHub.Application.Common.Persistence;
using CommunityHub.Application.Common.Posting;
using CommunityHub.Application.Common.Security;
using FluentValidation;
using MediatR;
using CommunityHub.Domain.Ties;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application;

public static class DependencyInjection
{
    /// <summary>MediatR 5 by hand (its DI package is not available): the mediator, every handler and
    /// validator in this assembly, and the behaviours, outermost first.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        var assembly = typeof(DependencyInjection).Assembly;
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            var contracts = type.GetInterfaces().Where(IsHandlerContract).ToList();
            if (type.IsAssignableTo(typeof(IUnitOfWorkParticipant)))
            {
                // One instance per scope answers as subscriber and as participant: what it gathers, it completes.
                services.AddScoped(type);
                foreach (var contract in contracts.Append(typeof(IUnitOfWorkParticipant)))
                {
                    services.AddScoped(contract, provider => provider.GetRequiredService(type));
                }

                continue;
            }

            foreach (var contract in contracts)
            {
                services.AddScoped(contract, type);
            }
        }

        services.AddScoped<DomainEventDispatcher>();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<Drafts>();
        services.AddScoped<ThreadCards>();
        services.AddScoped<Writers>();
        services.AddScoped<Lists.ThreadLists>();
        services.AddScoped<Groups.GroupRules>();
        services.AddScoped<Trust.Admission>();
        services.AddSingleton<Trust.ContentFilterRules>();
        services.AddSingleton<Trust.ISpamCheck, Trust.LocalSpamCheck>();
        services.AddOptions<Domain.Trust.TrustOptions>();
        services.AddScoped<Attachments.PostAttachments>();
        services.AddOptions<Attachments.AttachmentOptions>();

        services.AddOptions<CommunityOptions>();
        services.AddOptions<Ideas.IdeaOptions>();
        services.AddOptions<TieOptions>();
        // Every scorer is the model in force: the configured options, or the latest adopted calibration.
        services.AddSingleton<Ties.TieModelInForce>();
        services.AddScoped(provider => provider.GetRequiredService<Ties.TieModelInForce>().Scorer);
        services.AddOptions<Ties.TieCalibrationOptions>();
        services.AddScoped<Notifications.Notifier>();
        services.AddOptions<PostingOptions>();
        services.AddOptions<Registration.RegistrationOptions>();
        services.AddScoped<Registration.RegistrationGate>();
        services.AddAccountUseCases();
        // Forms send a blank field as null: every rule stops at its first failure, so a length check
        // never runs on a value already reported missing.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);

        // MediatR runs behaviours in registration order: the first one registered is the outermost.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(Account.TwoFactorRequirementBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));
        return services;
    }

    private static bool IsHandlerContract(Type contract) =>
        contract.IsGenericType
        && (contract.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)
            || contract.GetGenericTypeDefinition() == typeof(IDomainEventSubscriber<>));
}

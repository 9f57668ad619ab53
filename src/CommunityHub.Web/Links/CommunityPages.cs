using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Web.Email;
using CommunityHub.Web.Forms;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CommunityHub.Web.Links;

public static class CommunityPages
{
    /// <summary>The pages and their routes (the addresses <see cref="CommunityLinks"/> hands out), and what is
    /// built from them: links and e-mails.</summary>
    public static IServiceCollection AddCommunityPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
                // Creating and editing a space share one form, at two addresses that both stay linkable (AddPageRoute
                // would stop links to the first); tried first, the edit route answers whenever an id is given.
                options.Conventions.AddPageRouteModelConvention("/Admin/SpaceForm", model => model.Selectors.Add(new SelectorModel
                {
                    AttributeRouteModel = new AttributeRouteModel { Template = "admin/spaces/{id:int}/edit", Order = -1 },
                })))
            .AddMvcOptions(options =>
            {
                options.Filters.Add<UseCaseOutcomeFilter>();
                // Validation is the application layer's (FluentValidation); MVC must not add its own wording.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            });
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddHttpContextAccessor();
        services.AddScoped<CommunityLinks>();
        services.AddScoped<IEmailComposer, EmailTemplates>();
        services.AddSingleton<IThreadAddresses, ThreadAddresses>();
        services.AddScoped<Application.Webhooks.IWebhookLinks, WebhookLinks>();
        return services;
    }
}

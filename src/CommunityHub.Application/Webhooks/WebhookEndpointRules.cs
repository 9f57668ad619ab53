using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Webhooks;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Webhooks;

/// <summary>What the add and edit forms share: the fields, and the rules with the words the form shows.</summary>
public abstract class WebhookEndpointForm
{
    public string Name { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    public List<WebhookEventTypes> Events { get; set; } = [];

    public WebhookFormat Format { get; set; } = WebhookFormat.Json;

    public bool Internal { get; set; }

    public bool Enabled { get; set; } = true;

    public WebhookEventTypes EventSet => Events.Aggregate(WebhookEventTypes.None, (all, one) => all | one);

    /// <summary>The parsed address; valid once the validator passed.</summary>
    public Uri Address => new(Url.Trim(), UriKind.Absolute);
}

public sealed class WebhookEndpointFormValidator<TForm> : AbstractValidator<TForm>
    where TForm : WebhookEndpointForm
{
    public WebhookEndpointFormValidator(IOptions<CommunityOptions> community)
    {
        ArgumentNullException.ThrowIfNull(community);
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name the endpoint, so admins know what it is for.")
            .MaximumLength(WebhookEndpoint.NameMaxLength).WithMessage($"A name is at most {WebhookEndpoint.NameMaxLength} characters.");
        RuleFor(c => c.Url).NotEmpty().WithMessage("Give the address the receiver listens on.")
            .MaximumLength(WebhookEndpoint.UrlMaxLength).WithMessage($"An address is at most {WebhookEndpoint.UrlMaxLength} characters.")
            .Must(url => Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && WebhookEndpoint.IsDeliverable(uri))
            .WithMessage("Use a full http:// or https:// address, such as https://hooks.example.com/community.")
            .Must(url => !CommunityAddress.IsThisCommunity(new Uri(url.Trim()), community.Value.PublicUrl))
            .WithMessage("That address is this community itself; a webhook goes to another system.");
        RuleFor(c => c.Events).NotEmpty().WithMessage("Choose at least one event.");
        RuleForEach(c => c.Events).Must(e => WebhookEventNames.All.Any(offered => offered.Type == e)).WithMessage("That is not one of the events.");
        RuleFor(c => c.Format).IsInEnum().WithMessage("Choose JSON or Slack.");
    }
}

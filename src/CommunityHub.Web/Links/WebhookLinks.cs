using CommunityHub.Application.Webhooks;

namespace CommunityHub.Web.Links;

/// <summary>The webhook payloads' links: the community's own routes, absolute on its public address.</summary>
public sealed class WebhookLinks(CommunityLinks links) : IWebhookLinks
{
    public string Space(string slug) => links.Absolute(links.Space(slug)).ToString();

    public string Thread(string spaceSlug, long threadId) => links.Absolute(links.Thread(spaceSlug, threadId).Path).ToString();

    public string Post(string spaceSlug, long threadId, long postId) => links.Absolute(links.Thread(spaceSlug, threadId).Post(postId)).ToString();

    public string Member(string handle) => links.Absolute(links.Member(handle)).ToString();

    public string Endpoint(Guid endpointId) => links.Absolute(links.AdminWebhook(endpointId)).ToString();
}

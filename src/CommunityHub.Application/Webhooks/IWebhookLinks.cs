namespace CommunityHub.Application.Webhooks;

/// <summary>Absolute links for payloads and the admins' e-mail, from the same routes the pages answer on (the web
/// layer's): a receiver reads them outside any request, so they are on the community's public address.</summary>
public interface IWebhookLinks
{
    string Space(string slug);

    string Thread(string spaceSlug, long threadId);

    string Post(string spaceSlug, long threadId, long postId);

    /// <summary>A member's public profile.</summary>
    string Member(string handle);

    /// <summary>The endpoint's delivery log, for the e-mail that says it was disabled.</summary>
    string Endpoint(Guid endpointId);
}

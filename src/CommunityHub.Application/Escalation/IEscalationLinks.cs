namespace CommunityHub.Application.Escalation;

/// <summary>The thread's absolute address for the desk (the web layer knows the thread page's route and the
/// community's public address).</summary>
public interface IEscalationLinks
{
    string Thread(string spaceSlug, long threadId);
}

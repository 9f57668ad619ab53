using CommunityHub.Application.Ideas;

namespace CommunityHub.Web.Pages.Ideas;

/// <summary>What the idea panel on a thread page needs: the idea, and the thread it belongs to.</summary>
public sealed record IdeaPanelModel(GetIdea.IdeaPanel Idea, string Title, string SpaceSlug, string ThreadPath);

using CommunityHub.Application.Threads;

namespace CommunityHub.Web.Infrastructure;

/// <summary>What the post partial needs: the post, where its thread lives, and whether it opens the thread.</summary>
public sealed record PostModel(GetThread.PostView Post, string ThreadUrl, bool IsOpening);

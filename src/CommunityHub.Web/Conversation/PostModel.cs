using CommunityHub.Application.Threads;
using CommunityHub.Web.Links;

namespace CommunityHub.Web.Conversation;

/// <summary>One post as <c>_Post</c> shows it: the post (with what the reader may do with it), its thread's page,
/// the thread's addresses, and the query that keeps the reader on the page of replies they were on.</summary>
public sealed record PostModel(GetThread.PostView Post, GetThread.ThreadPage Thread, ThreadLinks Links, string PageQuery);

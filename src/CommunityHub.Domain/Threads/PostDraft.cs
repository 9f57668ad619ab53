namespace CommunityHub.Domain.Threads;

/// <summary>What someone wrote, ready to be a post: the Markdown, its rendered and sanitised HTML, the members it
/// @mentions (found when rendering), and the id of the form submission that sent it. <paramref name="MentionedGroups"/>
/// are the groups whose members its @group mentions tell (only those the author may mention: <see cref="ConversationPolicy.MayMentionGroup"/>).</summary>
public sealed record PostDraft(string Body, string BodyHtml, IReadOnlyCollection<Guid> Mentioned, Guid SubmissionId, IReadOnlyCollection<int>? MentionedGroups = null);

namespace CommunityHub.Domain.Threads;

/// <summary>What someone wrote, ready to be a post: the Markdown, its rendered and sanitised HTML, the members it
/// @mentions (found when rendering), and the id of the form submission that sent it.</summary>
public sealed record PostDraft(string Body, string BodyHtml, IReadOnlyCollection<Guid> Mentioned, Guid SubmissionId);

using CommunityHub.Application.Tags;

namespace CommunityHub.Web.Conversation;

/// <summary>The tag choice of the thread forms: every tag by group, the ones chosen ticked, required groups marked.</summary>
/// <param name="FieldName">The form field the names are sent in.</param>
public sealed record TagChoiceView(GetTagCatalogue.Catalogue Catalogue, IReadOnlyCollection<string> Chosen, string FieldName);

/// <summary>A thread's tags on its page, and where to change them when the reader may (null otherwise).</summary>
public sealed record ThreadTagsView(IReadOnlyList<string> Tags, string? EditLink);

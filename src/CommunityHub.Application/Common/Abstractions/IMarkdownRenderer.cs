namespace CommunityHub.Application.Common.Abstractions;

/// <summary>Turns a post's Markdown into HTML that is safe to put on a page: no script, no event
/// handlers, no <c>javascript:</c> URLs, whatever the input.</summary>
public interface IMarkdownRenderer
{
    string ToSafeHtml(string markdown);

    /// <summary>As <see cref="ToSafeHtml(string)"/>, with every @handle in <paramref name="mentionableHandles"/> linked to its profile.</summary>
    string ToSafeHtml(string markdown, IReadOnlySet<string> mentionableHandles);

    /// <summary>The handles a post @mentions (lower case, each once, in order), outside code and addresses.</summary>
    IReadOnlyList<string> FindMentions(string markdown);
    /// <summary>As <see cref="ToSafeHtml(string)"/>, with the author's "# heading" at level 1 + <paramref name="headingShift"/>
    /// (a page of its own, such as the values page, puts them right under its h1).</summary>
    string ToSafeHtml(string markdown, int headingShift);
}

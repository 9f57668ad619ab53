namespace CommunityHub.Application.Common.Abstractions;

/// <summary>Turns a post's Markdown into HTML that is safe to put on a page: no script, no event
/// handlers, no <c>javascript:</c> URLs, whatever the input.</summary>
public interface IMarkdownRenderer
{
    string ToSafeHtml(string markdown);
}

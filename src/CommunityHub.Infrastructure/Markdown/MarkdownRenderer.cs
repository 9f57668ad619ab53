using CommunityHub.Application.Common.Abstractions;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CommunityHub.Infrastructure.Markdown;

/// <summary>Markdig for the Markdown, then an allow-list sanitiser over its output: raw HTML in a post is
/// shown as text, and whatever Markdown produces can carry no script, event handler, style or
/// <c>javascript:</c> URL.</summary>
public sealed class MarkdownRenderer : IMarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .Use<MentionExtension>()
        .Use<EmojiExtension>()
        .Build();

    private static readonly IReadOnlySet<string> NoHandles = new HashSet<string>();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Headings written in a post sit below the page's own (the thread title is h1, sections h2, post authors h3).</summary>
    private const int HeadingShift = 3;

    public string ToSafeHtml(string markdown) => Render(markdown, NoHandles, HeadingShift);

    public string ToSafeHtml(string markdown, IReadOnlySet<string> mentionableHandles) => Render(markdown, mentionableHandles, HeadingShift);

    public string ToSafeHtml(string markdown, int headingShift) => Render(markdown, NoHandles, headingShift);

    private static string Render(string markdown, IReadOnlySet<string> mentionableHandles, int headingShift)
    {
        var document = Parse(markdown, mentionableHandles, out _);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + headingShift);
        }

        MarkBareLinks(document);

        return Sanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    /// <summary>A paragraph that is nothing but one address (a URL pasted on its own line) is marked
    /// <see cref="BareLinkClass"/>: a page may show it as a card when it leads to a thread of this community.</summary>
    private static void MarkBareLinks(MarkdownDocument document)
    {
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (paragraph.Inline is { FirstChild: { } only } inline && only == inline.LastChild && IsBareAddress(only))
            {
                paragraph.GetAttributes().AddClass(BareLinkClass);
            }
        }
    }

    /// <summary>An address shown as itself: pasted (auto-linked), in angle brackets, or <c>[address](address)</c>. A link
    /// with words of its own (a quote's "Alice Chen wrote:") is what its author chose to show, not a card.</summary>
    private static bool IsBareAddress(Inline inline) => inline switch
    {
        AutolinkInline { IsEmail: false } => true,
        LinkInline { IsImage: false, IsAutoLink: true } => true,
        LinkInline { IsImage: false, FirstChild: LiteralInline text } link => text == link.LastChild && text.Content.ToString() == link.Url,
        _ => false,
    };

    /// <summary>The class of a paragraph that holds only a link (<c>Application.Common.Posting.ThreadCards</c> reads it).</summary>
    public const string BareLinkClass = "bare-link";

    public IReadOnlyList<string> FindMentions(string markdown)
    {
        Parse(markdown, NoHandles, out var found);
        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    private static MarkdownDocument Parse(string markdown, IReadOnlySet<string> known, out List<string> found)
    {
        var context = new MentionContext(known);
        var parserContext = new MarkdownParserContext();
        parserContext.Properties[MentionContext.Key] = context;
        var document = Markdig.Markdown.Parse(markdown, Pipeline, parserContext);
        found = context.Found;
        return document;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong", "del", "ins",
                "mark", "sub", "sup", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "class", "start", "align" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Links in member content are theirs, not ours to vouch for.
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "nofollow ugc noopener");
            }
        };
        return sanitizer;
    }
}

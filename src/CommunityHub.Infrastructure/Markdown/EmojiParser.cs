using CommunityHub.Domain.Composer;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax.Inlines;

namespace CommunityHub.Infrastructure.Markdown;

/// <summary><c>:tada:</c> in running text becomes its emoji (<see cref="EmojiShortcodes"/>), on the server, so a post
/// shows it without script. Code spans and blocks are never parsed for inlines, so a shortcode there stays as typed;
/// so does an unknown code and one glued to a word or a number (<c>10:30:00</c>).</summary>
internal sealed class EmojiParser : InlineParser
{
    public EmojiParser() => OpeningCharacters = [':'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekCharExtra(-1).IsAlphaNumeric())
        {
            return false;
        }

        var start = slice.Start;
        var end = start + 1;
        while (end <= slice.End && EmojiShortcodes.IsCodeCharacter(slice.Text[end]))
        {
            end++;
        }

        if (end > slice.End || slice.Text[end] != ':' || end == start + 1
            || EmojiShortcodes.Find(slice.Text.Substring(start + 1, end - start - 1)) is not { } emoji)
        {
            return false;
        }

        processor.Inline = new LiteralInline(emoji) { Span = new(start, end) };
        slice.Start = end + 1;
        return true;
    }
}

internal sealed class EmojiExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<EmojiParser>())
        {
            pipeline.InlineParsers.Add(new EmojiParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}

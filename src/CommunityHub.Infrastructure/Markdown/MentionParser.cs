using CommunityHub.Domain.Members;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace CommunityHub.Infrastructure.Markdown;

/// <summary>@handle in running text (never in code, never inside a word or an e-mail address). Each one is
/// noted in the parse's <see cref="MentionContext"/>; those it names as known become links to the profile.</summary>
internal sealed class MentionParser : InlineParser
{
    public MentionParser() => OpeningCharacters = ['@'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var before = slice.PeekCharExtra(-1);
        if (before.IsAlphaNumeric() || before is '@' or '.' or '/' or '-' or '_')
        {
            return false;
        }

        var start = slice.Start;
        var current = slice.NextChar();
        var length = 0;
        while (char.IsAsciiLetter(current) || char.IsAsciiDigit(current) || (current == '-' && slice.PeekChar().IsAlphaNumeric()))
        {
            length++;
            current = slice.NextChar();
        }

        var handle = slice.Text.Substring(start + 1, length).ToLowerInvariant();
        if (!MemberHandle.IsValid(handle) || processor.Context?.Properties[MentionContext.Key] is not MentionContext context)
        {
            slice.Start = start;
            return false;
        }

        context.Found.Add(handle);
        if (!context.Known.Contains(handle))
        {
            slice.Start = start;
            return false;
        }

        var text = slice.Text.Substring(start, length + 1);
        var link = new LinkInline($"/members/{handle}", string.Empty) { Span = new(start, start + length) };
        link.GetAttributes().AddClass("mention");
        link.AppendChild(new LiteralInline(text));
        link.IsClosed = true;
        processor.Inline = link;
        return true;
    }
}

/// <summary>Per-parse state of <see cref="MentionParser"/>: which handles to link, and which were seen.</summary>
internal sealed class MentionContext(IReadOnlySet<string> known)
{
    public const string Key = "communityhub:mentions";

    public IReadOnlySet<string> Known { get; } = known;

    public List<string> Found { get; } = [];
}

internal sealed class MentionExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<MentionParser>())
        {
            // Before the autolink parser, which would otherwise see "@name" as the start of nothing useful.
            pipeline.InlineParsers.Insert(0, new MentionParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}

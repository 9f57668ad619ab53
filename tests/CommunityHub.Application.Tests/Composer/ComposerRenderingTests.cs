using CommunityHub.Infrastructure.Markdown;

namespace CommunityHub.Application.Tests.Composer;

/// <summary>Unit tests (no database): emoji shortcodes in the Markdown pipeline, the bare-link mark that thread cards
/// start from, and how our own thread addresses are recognised from the thread page's route.</summary>
public sealed class ComposerRenderingTests
{
    private static readonly MarkdownRenderer Markdown = new();

    [Theory]
    [InlineData("Shipped :tada:", "<p>Shipped 🎉</p>")]
    [InlineData(":+1: and :thumbsup:", "<p>👍 and 👍</p>")]
    [InlineData("(:rocket:)", "<p>(🚀)</p>")]
    [InlineData("`:tada:` is how", "<p><code>:tada:</code> is how</p>")]
    [InlineData(":nope: stays", "<p>:nope: stays</p>")]
    [InlineData("At 10:30:00 :tada:x", "<p>At 10:30:00 🎉x</p>")]
    [InlineData("word:tada: stays", "<p>word:tada: stays</p>")]
    [InlineData(":TADA: stays", "<p>:TADA: stays</p>")]
    public void Shortcodes_render_as_their_emoji_outside_code(string markdown, string html) =>
        Assert.Equal(html, Markdown.ToSafeHtml(markdown).Trim());

    [Fact]
    public void A_shortcode_in_a_code_block_stays_as_typed() =>
        Assert.Contains(":tada:", Markdown.ToSafeHtml("```\nconfig :tada:\n```"), StringComparison.Ordinal);

    [Theory]
    [InlineData("https://example.com/s/q/t/1", true)]
    [InlineData("<https://example.com/s/q/t/1>", true)]
    [InlineData("[/s/q/t/1](/s/q/t/1)", true)]
    [InlineData("[Alice Chen wrote:](/s/q/t/1?before=3#post-2)", false)]
    [InlineData("> [/s/q/t/1](/s/q/t/1)", true)]
    [InlineData("See https://example.com/s/q/t/1", false)]
    [InlineData("https://example.com/s/q/t/1 and more", false)]
    [InlineData("![a picture](https://example.com/a.png)", false)]
    [InlineData("<someone@example.com>", false)]
    public void A_paragraph_that_is_only_a_link_is_marked_as_a_bare_link(string markdown, bool marked) =>
        Assert.Equal(marked, Markdown.ToSafeHtml(markdown).Contains($"<p class=\"{MarkdownRenderer.BareLinkClass}\"><a ", StringComparison.Ordinal));

    [Theory]
    [InlineData("http://127.0.0.1:5080/", "/s/questions/t/42", 42L)]
    [InlineData("http://127.0.0.1:5080/", "http://127.0.0.1:5080/s/questions/t/42", 42L)]
    [InlineData("http://127.0.0.1:5080/", "HTTP://127.0.0.1:5080/s/questions/t/42?before=7#post-6", 42L)]
    [InlineData("http://127.0.0.1:5080/", "http://127.0.0.1:5081/s/questions/t/42", null)]
    [InlineData("http://127.0.0.1:5080/", "https://elsewhere.example/s/questions/t/42", null)]
    [InlineData("http://127.0.0.1:5080/", "//elsewhere.example/s/questions/t/42", null)]
    [InlineData("http://127.0.0.1:5080/", "/s/questions", null)]
    [InlineData("http://127.0.0.1:5080/", "/s/questions/t/not-a-number", null)]
    [InlineData("http://127.0.0.1:5080/", "/s/questions/t/42/feed.atom", null)]
    [InlineData("http://127.0.0.1:5080/", "mailto:someone@example.com", null)]
    [InlineData("https://example.com/community/", "/community/s/questions/t/7", 7L)]
    [InlineData("https://example.com/community/", "https://example.com/community/s/questions/t/7", 7L)]
    [InlineData("https://example.com/community/", "/s/questions/t/7", null)]
    [InlineData("https://example.com/community/", "https://example.com/s/questions/t/7", null)]
    public void Our_thread_addresses_are_recognised_relative_or_absolute_on_the_public_address(string publicUrl, string href, long? thread)
    {
        var addresses = WebParts.ThreadAddressesOn(new Uri(publicUrl));

        Assert.Equal(thread, addresses.ThreadIdOf(href));
    }
}

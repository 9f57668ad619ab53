using System.Globalization;
using System.Text.Encodings.Web;
using CommunityHub.Web.Links;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommunityHub.Web.Members;

/// <summary><c>&lt;member-avatar avatar-id="@m.AvatarId" name="@m.DisplayName" /&gt;</c> renders the member's picture,
/// or their initial when they have none. The picture is decoration (the name is always next to it): <c>alt=""</c>, with
/// width and height so the page does not jump while it loads; a 2x copy for sharp screens.</summary>
[HtmlTargetElement("member-avatar", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MemberAvatarTagHelper(CommunityLinks links) : TagHelper
{
    public Guid? AvatarId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Large: a profile's or the account page's (96 px copy); otherwise a post's or a list's (48 px).</summary>
    public bool Large { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(Html(links, AvatarId, Name, Large));
    }

    /// <summary>The same markup without a tag helper, for the post partial (a page's hottest loop).</summary>
    public static IHtmlContent Html(CommunityLinks links, Guid? avatarId, string name, bool large = false)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(name);
        var size = large ? 96 : 48;
        return avatarId is { } id
            ? new Picture(links.Avatar(id, size), links.Avatar(id, size * 2 > 192 ? 192 : size * 2), size, large)
            : new Initial(name.Length > 0 ? name[..1].ToUpperInvariant() : "?", large);
    }

    private sealed class Picture(string src, string src2x, int size, bool large) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write(large ? "<img class=\"avatar avatar--large\" src=\"" : "<img class=\"avatar\" src=\"");
            encoder.Encode(writer, src);
            writer.Write("\" srcset=\"");
            encoder.Encode(writer, src2x);
            writer.Write(" 2x\" width=\"");
            writer.Write(size.ToString(CultureInfo.InvariantCulture));
            writer.Write("\" height=\"");
            writer.Write(size.ToString(CultureInfo.InvariantCulture));
            writer.Write("\" alt=\"\" loading=\"lazy\" decoding=\"async\">");
        }
    }

    private sealed class Initial(string initial, bool large) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write(large ? "<span class=\"avatar avatar--large\" aria-hidden=\"true\">" : "<span class=\"avatar\" aria-hidden=\"true\">");
            encoder.Encode(writer, initial);
            writer.Write("</span>");
        }
    }
}

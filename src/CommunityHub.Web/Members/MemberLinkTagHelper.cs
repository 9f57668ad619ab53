using System.Text.Encodings.Web;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Links;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommunityHub.Web.Members;

/// <summary><c>&lt;member-link handle="@m.Handle" name="@m.DisplayName" /&gt;</c> renders a link to the member's
/// profile, or, for a former member (who has no profile), their placeholder name as plain text.</summary>
[HtmlTargetElement("member-link", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MemberLinkTagHelper(CommunityLinks links) : TagHelper
{
    public string Handle { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(Html(links, Handle, Name));
    }

    /// <summary>The same markup without a tag helper, for the post partial (a page's hottest loop).</summary>
    public static IHtmlContent Html(CommunityLinks links, string handle, string name)
    {
        ArgumentNullException.ThrowIfNull(links);
        return new MemberElement(Member.IsFormerHandle(handle) ? null : links.Member(handle), name);
    }

    private sealed class MemberElement(string? profile, string name) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            if (profile is null)
            {
                writer.Write("<span class=\"member-former\">");
                encoder.Encode(writer, name);
                writer.Write("</span>");
                return;
            }

            writer.Write("<a href=\"");
            encoder.Encode(writer, profile);
            writer.Write("\">");
            encoder.Encode(writer, name);
            writer.Write("</a>");
        }
    }
}

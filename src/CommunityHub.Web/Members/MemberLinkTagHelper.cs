using CommunityHub.Domain.Members;
using CommunityHub.Web.Links;
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
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Member.IsFormerHandle(Handle))
        {
            output.TagName = "span";
            output.Attributes.SetAttribute("class", "member-former");
        }
        else
        {
            output.TagName = "a";
            output.Attributes.SetAttribute("href", links.Member(Handle));
        }

        output.Content.SetContent(Name);
    }
}

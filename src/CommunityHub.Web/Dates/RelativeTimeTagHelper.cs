using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommunityHub.Web.Dates;

/// <summary><c>&lt;relative-time at="@post.CreatedAt" /&gt;</c> renders
/// <c>&lt;time datetime="…" title="23 November 2026, 05:53 UTC"&gt;3 hours ago&lt;/time&gt;</c> (<see cref="DateDisplay"/>).</summary>
[HtmlTargetElement("relative-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RelativeTimeTagHelper(DateDisplay dates) : TagHelper
{
    public DateTimeOffset At { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(dates.Time(At));
    }
}

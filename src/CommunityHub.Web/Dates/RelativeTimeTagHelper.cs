using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommunityHub.Web.Dates;

/// <summary><c>&lt;relative-time at="@post.CreatedAt" /&gt;</c> renders
/// <c>&lt;time datetime="…" title="23 November 2026, 05:53 UTC"&gt;3 hours ago&lt;/time&gt;</c>.</summary>
[HtmlTargetElement("relative-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RelativeTimeTagHelper(TimeProvider clock, Authentication.ViewerTimeZone viewer) : TagHelper
{
    public DateTimeOffset At { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", RelativeTime.Machine(At));
        output.Attributes.SetAttribute("title", RelativeTime.Exact(At, viewer.Zone));
        output.Content.SetContent(RelativeTime.Describe(At, clock.GetUtcNow()));
    }
}

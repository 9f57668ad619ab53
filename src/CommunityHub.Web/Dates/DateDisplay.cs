using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CommunityHub.Web.Dates;

/// <summary>A date as pages show it: <c>&lt;time datetime="…" title="23 November 2026, 05:53 Europe/Berlin"&gt;3 hours
/// ago&lt;/time&gt;</c>, relative for people, exact on hover in the viewer's zone. The one home of that markup:
/// <see cref="RelativeTimeTagHelper"/> writes it for views, and the post partial (a page's hottest loop, where a tag
/// helper per date cost more than the rest of the date) calls <see cref="Time"/> directly.</summary>
public sealed class DateDisplay(TimeProvider clock, Authentication.ViewerTimeZone viewer)
{
    private DateTimeOffset? _now;

    /// <summary>One "now" per request: every date of a page is relative to the same moment.</summary>
    private DateTimeOffset Now => _now ??= clock.GetUtcNow();

    public IHtmlContent Time(DateTimeOffset at) =>
        new TimeElement(RelativeTime.Machine(at), RelativeTime.Exact(at, viewer.Zone), RelativeTime.Describe(at, Now));

    private sealed class TimeElement(string machine, string exact, string described) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write("<time datetime=\"");
            encoder.Encode(writer, machine);
            writer.Write("\" title=\"");
            encoder.Encode(writer, exact);
            writer.Write("\">");
            encoder.Encode(writer, described);
            writer.Write("</time>");
        }
    }
}

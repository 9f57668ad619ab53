using System.Net;
using System.Text;

namespace CommunityHub.Application.Search;

/// <summary>Turns a search engine's snippet into safe HTML: every character of the text is escaped (posts are
/// Markdown that may hold any markup), and only the match markers become <c>&lt;mark&gt;</c>.</summary>
public static class Snippets
{
    /// <summary>ts_headline's StartSel/StopSel: control characters no one types. Should a post contain one anyway,
    /// the worst outcome is a stray <c>&lt;mark&gt;</c>: everything else is still escaped.</summary>
    public const char Start = '\u0002';

    public const char Stop = '\u0003';

    public static string ToSafeHtml(string snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var html = new StringBuilder(snippet.Length + 32);
        var open = false;
        var run = new StringBuilder();
        foreach (var c in snippet)
        {
            if (c is Start or Stop)
            {
                html.Append(WebUtility.HtmlEncode(run.ToString()));
                run.Clear();
                if (c == Start && !open)
                {
                    html.Append("<mark>");
                    open = true;
                }
                else if (c == Stop && open)
                {
                    html.Append("</mark>");
                    open = false;
                }

                continue;
            }

            run.Append(char.IsControl(c) && c is not ('\n' or '\t') ? ' ' : c);
        }

        html.Append(WebUtility.HtmlEncode(run.ToString()));
        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }
}

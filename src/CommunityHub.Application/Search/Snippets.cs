using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CommunityHub.Application.Search;

/// <summary>Turns a search engine's snippet of a post's rendered text into safe HTML: the text's character references
/// are decoded (it was cut from the post's HTML with its tags removed), runs of white space become one space, every
/// character is then escaped, and only the match markers become <c>&lt;mark&gt;</c>.</summary>
public static partial class Snippets
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
                html.Append(Escape(run));
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

        html.Append(Escape(run));
        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }

    private static string Escape(StringBuilder run) =>
        WebUtility.HtmlEncode(WhiteSpace().Replace(WebUtility.HtmlDecode(run.ToString()), " "));

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

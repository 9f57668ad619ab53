using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CommunityHub.Web.Charts;

/// <summary>Small server-rendered SVG charts: no script, no inline style (attributes only), each an image
/// with a title and description for screen readers; the numbers are also on the page as a table.</summary>
public static class Charts
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <param name="Label">Names the bar, for screen readers and (unless <paramref name="Axis"/> says otherwise) on the axis.</param>
    /// <param name="Axis">Shorter text under a column; empty to leave it unlabelled.</param>
    public sealed record Bar(string Label, double Value, string Display, string? Axis = null);

    /// <summary>Horizontal bars, one row each, scaled to the largest (or to <paramref name="max"/>). The labels and
    /// values are HTML text at body size and only the bar is drawn, so on a phone the rows reflow (the label above
    /// its bar) instead of the whole picture shrinking.</summary>
    public static IHtmlContent HorizontalBars(string id, string title, IReadOnlyList<Bar> bars, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var top = max ?? Math.Max(1e-9, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        return new HtmlString(Rows(id, title, bars, top, "chart chart--rows").ToString());
    }

    /// <summary>Vertical bars (a histogram or a weekly series), labelled under each bar. On a narrow screen the same
    /// figures show as rows (<see cref="HorizontalBars"/>): twelve columns cannot keep readable labels in 375 px.</summary>
    public static IHtmlContent Columns(string id, string title, IReadOnlyList<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int height = 160, baseline = 130, columnGap = 6;
        var columnWidth = bars.Count == 0 ? 0 : Math.Max(14, 480 / bars.Count);
        var width = Math.Max(200, bars.Count * columnWidth);
        var top = Math.Max(1e-9, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var svg = Start(id, title, width, height, Describe(bars));
        svg.Append(Invariant($"<line x1=\"0\" y1=\"{baseline}\" x2=\"{width}\" y2=\"{baseline}\" class=\"chart__axis\"/>"));
        for (var i = 0; i < bars.Count; i++)
        {
            var x = i * columnWidth;
            var h = Math.Max(bars[i].Value > 0 ? 2 : 0, bars[i].Value / top * (baseline - 18));
            svg.Append(Invariant($"<rect x=\"{x + (columnGap / 2)}\" y=\"{baseline - h:0.#}\" width=\"{columnWidth - columnGap}\" height=\"{h:0.#}\" rx=\"2\" class=\"chart__bar\"/>"));
            svg.Append(Invariant($"<text x=\"{x + (columnWidth / 2)}\" y=\"{baseline - h - 4:0.#}\" text-anchor=\"middle\" class=\"chart__value\">{Encode(bars[i].Display)}</text>"));
            if ((bars[i].Axis ?? bars[i].Label) is { Length: > 0 } axis)
            {
                svg.Append(Invariant($"<text x=\"{x + (columnWidth / 2)}\" y=\"{baseline + 18}\" text-anchor=\"middle\" class=\"chart__label\">{Encode(axis)}</text>"));
            }
        }

        var wide = End(svg).ToString();
        var narrow = Rows(id + "-rows", title, bars, top, "chart chart--rows chart--narrow-only");
        return new HtmlString("<div class=\"chart-wide-only\">" + wide + "</div>" + narrow);
    }

    private static StringBuilder Rows(string id, string title, IReadOnlyList<Bar> bars, double top, string classes)
    {
        var html = new StringBuilder(Invariant($"<figure class=\"{classes}\" aria-labelledby=\"{id}-title\"><figcaption id=\"{id}-title\" class=\"visually-hidden\">{Encode(title)}</figcaption><ul class=\"chart-rows\">"));
        for (var i = 0; i < bars.Count; i++)
        {
            var share = Math.Clamp(bars[i].Value / top, 0, 1) * 100;
            var length = Math.Max(bars[i].Value > 0 ? 1 : 0, share);
            html.Append(Invariant($"<li class=\"chart-row\"><span class=\"chart-row__label\">{Encode(bars[i].Label)}</span>"));
            html.Append(Invariant($"<svg class=\"chart-row__bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"100\" height=\"10\" rx=\"1\" class=\"chart__track\"/><rect width=\"{length:0.##}\" height=\"10\" rx=\"1\" class=\"chart__bar chart__bar--{i % 4}\"/></svg>"));
            html.Append(Invariant($"<span class=\"chart-row__value\">{Encode(bars[i].Display)}</span></li>"));
        }

        return html.Append("</ul></figure>");
    }

    /// <summary>A 0–1 value as a thin bar with its label, for the four components of a tie.</summary>
    public static IHtmlContent Meter(string label, double value)
    {
        var clamped = Math.Clamp(value, 0, 1);
        var text = Invariant($"{label}: {clamped:0.00}");
        return new HtmlString(Invariant(
            $"<svg class=\"meter\" viewBox=\"0 0 100 8\" width=\"100\" height=\"8\" role=\"img\" aria-label=\"{Encode(text)}\"><rect width=\"100\" height=\"8\" rx=\"4\" class=\"meter__track\"/><rect width=\"{clamped * 100:0.#}\" height=\"8\" rx=\"4\" class=\"meter__bar\"/></svg>"));
    }

    private static string Describe(IReadOnlyList<Bar> bars) => string.Join("; ", bars.Select(b => $"{b.Label}: {b.Display}"));

    private static StringBuilder Start(string id, string title, int width, int height, string description) =>
        new(Invariant($"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{Encode(title)}</title><desc id=\"{id}-desc\">{Encode(description)}</desc>"));

    private static HtmlString End(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string Encode(string text) => Encoder.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

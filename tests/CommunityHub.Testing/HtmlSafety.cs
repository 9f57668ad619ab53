using AngleSharp.Html.Parser;

namespace CommunityHub.Testing;

/// <summary>Reads HTML the way a browser would and lists anything that could run script: script-ish
/// elements, event-handler attributes, and <c>javascript:</c>/<c>data:</c>/<c>vbscript:</c> URLs.</summary>
public static class HtmlSafety
{
    private static readonly string[] DangerousElements = ["script", "iframe", "object", "embed", "frame", "frameset", "base", "form", "meta", "link", "style", "svg", "math"];
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background"];
    private static readonly string[] DangerousSchemes = ["javascript:", "vbscript:", "data:"];

    public static IReadOnlyList<string> Dangers(string html)
    {
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        var found = new List<string>();
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            var name = element.LocalName;
            if (DangerousElements.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                found.Add($"<{name}> element");
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"{attribute.Name} attribute on <{name}>");
                }

                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase))
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                    if (DangerousSchemes.Any(scheme => value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)))
                    {
                        found.Add($"{attribute.Name}=\"{attribute.Value}\" on <{name}>");
                    }
                }
            }
        }

        return found;
    }
}

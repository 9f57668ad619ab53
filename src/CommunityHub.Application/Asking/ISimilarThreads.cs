using System.Net;
using System.Text.RegularExpressions;
using CommunityHub.Domain.Members;

namespace CommunityHub.Application.Asking;

/// <summary>Existing threads that may already answer a question being asked (or that relate to a thread being read),
/// by PostgreSQL full-text ranking in Infrastructure.</summary>
public interface ISimilarThreads
{
    /// <summary>Up to <paramref name="take"/> threads the viewer may see, most similar to <paramref name="text"/> first
    /// (never <paramref name="excluding"/>); empty when the text holds no searchable word.</summary>
    Task<IReadOnlyList<SimilarThread>> FindAsync(string text, Viewer viewer, long? excluding, int take, CancellationToken cancellationToken, SimilarityMethod method = SimilarityMethod.TitlesAndQuestions);
}

/// <summary>What is compared with the text typed: thread titles only, or titles and the opening posts' words too
/// (measured by the similar-titles benchmark; the second is the default).</summary>
public enum SimilarityMethod
{
    Titles,
    TitlesAndQuestions,
}

/// <param name="AnswerHtml">The accepted answer's rendered body, for its first line.</param>
public sealed record SimilarThread(long ThreadId, string Title, string SpaceSlug, string SpaceName, bool IsSolved, string? AnswerHtml, int ReplyCount, double Score)
{
    /// <summary>The accepted answer's first line of text (tags removed, entities decoded), cut at 140 characters.</summary>
    public string? AnswerFirstLine => AnswerHtml is null ? null : FirstLine(AnswerHtml);

    private static string? FirstLine(string html)
    {
        var text = WebUtility.HtmlDecode(Regex.Replace(html, "<(br|/p|/li|/h[1-6]|/pre|/blockquote)[^>]*>", "\n", RegexOptions.IgnoreCase));
        text = Regex.Replace(text, "<[^>]*>", string.Empty);
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(line))
        {
            return null;
        }

        line = Regex.Replace(line, @"\s+", " ");
        return line.Length <= 140 ? line : line[..139].TrimEnd() + "\u2026";
    }
}

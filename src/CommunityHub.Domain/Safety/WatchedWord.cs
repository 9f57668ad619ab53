using System.Text.RegularExpressions;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Domain.Safety;

/// <summary>What the filter does when a watched word appears in a post. Stored by name.</summary>
public enum WatchedWordAction
{
    /// <summary>The post is refused, with the word's message on the form (nothing is written).</summary>
    Block,

    /// <summary>The post is stored and waits for a moderator's approval.</summary>
    RequireApproval,

    /// <summary>The word is replaced in the post (with the replacement, or asterisks).</summary>
    Replace,
}

/// <summary>A word or pattern an admin asked the filter to watch for, with what to do when a post has it. A plain
/// word matches whole words in any case; a pattern is a .NET regular expression (case-insensitive, with a time limit).</summary>
public sealed class WatchedWord : AggregateRoot
{
    public const int PatternMaxLength = 200;
    public const int TextMaxLength = 300;

    private WatchedWord(string pattern, bool isPattern, WatchedWordAction action, string? replacement, string? message, DateTimeOffset createdAt)
    {
        Pattern = pattern;
        IsPattern = isPattern;
        Action = action;
        Replacement = replacement;
        Message = message;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public string Pattern { get; private set; }

    /// <summary>A regular expression rather than a plain word.</summary>
    public bool IsPattern { get; private set; }

    public WatchedWordAction Action { get; private set; }

    /// <summary>For <see cref="WatchedWordAction.Replace"/>: what the word becomes (asterisks when empty).</summary>
    public string? Replacement { get; private set; }

    /// <summary>For <see cref="WatchedWordAction.Block"/>: what the writer reads (a general sentence when empty).</summary>
    public string? Message { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static WatchedWord Create(Guid adminId, string pattern, bool isPattern, WatchedWordAction action, string? replacement, string? message, DateTimeOffset now)
    {
        var text = Guard.Text(pattern, PatternMaxLength, "A word or pattern");
        if (!Enum.IsDefined(action))
        {
            throw new DomainException("Choose what the filter does with the word.");
        }

        if (isPattern)
        {
            try
            {
                _ = new Regex(text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException invalid)
            {
                throw new DomainException($"That is not a valid pattern: {invalid.Message}");
            }
        }

        var word = new WatchedWord(text, isPattern, action, Optional(replacement), Optional(message), now);
        word.Record(new CommunityAdministered(adminId, ModerationAction.EditContentFilter, null, null, $"watches {(isPattern ? "pattern" : "word")} \u201c{text}\u201d: {action}", now));
        return word;
    }

    /// <summary>An admin stops watching the word (the audit log says so; the caller removes the row).</summary>
    public void Remove(Guid adminId, DateTimeOffset now) =>
        Record(new CommunityAdministered(adminId, ModerationAction.EditContentFilter, null, null, $"no longer watches \u201c{Pattern}\u201d", now));

    /// <summary>How long one pattern may take on one post before the post is held instead: long enough that a busy
    /// server's scheduling never trips it (a 100 ms limit did, under load, on a plain pattern), short enough to stop a
    /// pattern that backtracks catastrophically, which takes seconds to minutes.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The expression the filter matches with.</summary>
    public Regex ToRegex() => new(
        IsPattern ? Pattern : $@"(?<![\p{{L}}\p{{N}}_]){Regex.Escape(Pattern)}(?![\p{{L}}\p{{N}}_])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        MatchTimeout);

    private static string? Optional(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Guard.Text(text, TextMaxLength, "A replacement or message");
}

/// <summary>Whether links to a site are refused, or trusted (never counted against a New member's link limit or the spam score).</summary>
public enum LinkRuleKind
{
    Block,
    Allow,
}

/// <summary>A site (and its subdomains) an admin blocked or allowed in posts.</summary>
public sealed class LinkRule : AggregateRoot
{
    public const int HostMaxLength = 253;

    private LinkRule(string host, LinkRuleKind kind, DateTimeOffset createdAt)
    {
        Host = host;
        Kind = kind;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    /// <summary>Lower case, no scheme or path, e.g. "example.com".</summary>
    public string Host { get; private set; }

    public LinkRuleKind Kind { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static LinkRule Create(Guid adminId, string host, LinkRuleKind kind, DateTimeOffset now)
    {
        var text = Guard.Text(host, HostMaxLength, "A site").ToLowerInvariant();
        text = Regex.Replace(text, "^[a-z]+://", string.Empty, RegexOptions.None, TimeSpan.FromMilliseconds(100)).Split('/')[0].TrimEnd('.');
        if (text.StartsWith("www.", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        if (text.Length == 0 || !text.Contains('.', StringComparison.Ordinal) || text.Any(c => !(char.IsLetterOrDigit(c) || c is '.' or '-')))
        {
            throw new DomainException("Give a site's name, such as example.com.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choose whether to block or allow the site.");
        }

        var rule = new LinkRule(text, kind, now);
        rule.Record(new CommunityAdministered(adminId, ModerationAction.EditContentFilter, null, null, $"{(kind == LinkRuleKind.Block ? "blocks" : "allows")} links to {text}", now));
        return rule;
    }

    public void Remove(Guid adminId, DateTimeOffset now) =>
        Record(new CommunityAdministered(adminId, ModerationAction.EditContentFilter, null, null, $"no longer {(Kind == LinkRuleKind.Block ? "blocks" : "allows")} links to {Host}", now));

    public bool Covers(string host) => host == Host || host.EndsWith("." + Host, StringComparison.Ordinal);
}

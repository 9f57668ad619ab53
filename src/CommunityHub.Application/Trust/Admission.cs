using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Safety;
using CommunityHub.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Trust;

/// <summary>A post about to be written, as the admission needs it.</summary>
public sealed record Submission(Viewer Author, WriterRow Writer, string Title, string Body, int Attachments, bool IsNewThread, long? ThreadId);

/// <summary>What the admission let in: the body to post (watched words replaced) and why it waits, if it does.</summary>
public sealed record Admitted(string Body, string? HeldBecause);

/// <summary>Who wrote the post being checked, for a service that asks (Akismet's comment_author).</summary>
public sealed record SpamAuthor(Guid MemberId, string Name);

/// <summary>The pluggable spam check: the local <see cref="SpamScorer"/> by default, Akismet beside it when configured.</summary>
public interface ISpamCheck
{
    Task<SpamVerdict> CheckAsync(SpamSample sample, SpamAuthor author, CancellationToken cancellationToken);
}

/// <summary>The local scorer behind <see cref="ISpamCheck"/>.</summary>
public sealed class LocalSpamCheck : ISpamCheck
{
    public Task<SpamVerdict> CheckAsync(SpamSample sample, SpamAuthor author, CancellationToken cancellationToken) => Task.FromResult(SpamScorer.Score(sample));
}

/// <summary>Whether a post is let in, held for a moderator, or refused, decided once for every use case that writes
/// one: the author's trust level's limits (links, files, threads a day) refuse with a sentence on the form; a New
/// member's first posts and what the spam check finds suspicious are held, with the reasons moderators read in the
/// queue. The staff side is never held or limited.</summary>
public sealed class Admission(ICommunityDb db, IOptionsSnapshot<TrustOptions> trust, ISpamCheck spam, ContentFilterRules filter, TimeProvider clock)
{
    /// <exception cref="DomainException">A watched word, a blocked site or the level's limits refuse the post (nothing is written).</exception>
    public async Task<Admitted> AdmitAsync(Submission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.Author.IsStaffSide)
        {
            return new Admitted(submission.Body, null);
        }

        var (words, linkRules) = await filter.GetAsync(db, cancellationToken);
        var filtered = ContentFilter.Apply(submission.Title, submission.Body, words, linkRules);
        if (filtered.Refusal is { } refusal)
        {
            throw new DomainException(refusal);
        }

        var body = filtered.Body;

        var now = clock.GetUtcNow();
        var options = trust.Value;
        var record = submission.Writer.TrustRecord;
        var level = TrustRules.Of(record, options, now).Level;
        TrustRules.MayPost(level, options, filtered.CountedLinks, submission.Attachments, submission.IsNewThread ? submission.Writer.ThreadsToday : null).Enforce();

        var reasons = new List<string>(filtered.Holds);
        if (TrustRules.FirstPostsNeedApproval(level, record.PostsWritten, options))
        {
            reasons.Add($"one of the first {options.Of(level).FirstPostsNeedingApproval} posts of a member at the {options.NameOf(level)} level");
        }

        if (!options.HoldSuspectedSpam)
        {
            return new Admitted(body, Finish(reasons));
        }

        // Only a New member's posts are compared with their others (the one extra statement a check costs).
        var duplicates = 0;
        if (level == TrustLevel.New && submission.Writer.FirstPostAt is not null)
        {
            var me = submission.Author.MemberId!.Value;
            var threadId = submission.ThreadId;
            duplicates = await db.Posts.Where(p => p.AuthorId == me && p.Body == body && p.ThreadId != threadId)
                .Select(p => p.ThreadId).Distinct().CountAsync(cancellationToken);
        }

        var verdict = await spam.CheckAsync(
            new SpamSample(body, now - record.JoinedAt, submission.Writer.FirstPostAt is null, duplicates, filtered.CountedLinks),
            new SpamAuthor(submission.Author.MemberId!.Value, submission.Writer.DisplayName),
            cancellationToken);
        if (verdict.Refused)
        {
            throw new DomainException("This post looks like spam to our spam filter and was not accepted. If it is not, rephrase it, or ask a moderator for help.");
        }

        if (verdict.Suspicious)
        {
            reasons.Add($"spam score {verdict.Score}: {verdict.Explain()}");
        }

        return new Admitted(body, Finish(reasons));
    }

    private static string? Finish(List<string> reasons) => reasons.Count == 0 ? null : Capitalise(string.Join("; ", reasons)) + ".";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

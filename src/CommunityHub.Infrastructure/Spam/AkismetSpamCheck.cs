using System.Diagnostics.CodeAnalysis;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Trust;
using CommunityHub.Domain.Safety;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityHub.Infrastructure.Spam;

/// <summary>Akismet (the <c>Spam:Akismet</c> settings section), off until an API key is set.</summary>
public sealed class AkismetOptions
{
    public const string Section = "Spam:Akismet";

    /// <summary>The Akismet API key; empty (the default) leaves the local scorer alone in charge.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Where Akismet answers; a test points it at a server of its own.</summary>
    [SuppressMessage("Design", "CA1056:URI-like properties should not be strings", Justification = "A settings value, bound from configuration.")]
    public string Endpoint { get; set; } = "https://rest.akismet.com";

    /// <summary>The community's address as registered with Akismet (<c>blog</c>); empty: the address the post came to.</summary>
    public string? Blog { get; set; }

    /// <summary>How long a post waits for Akismet before the local score decides alone.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Refuse outright what Akismet marks "discard" (blatant spam) rather than hold it.</summary>
    public bool BlockDiscarded { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);
}

/// <summary>The spam check with Akismet beside the local scorer: the local score always counts; Akismet's "true" holds
/// the post for approval ("Akismet says spam"), its "discard" refuses it. When Akismet is down, slow or confused, the
/// local score decides alone and a warning is logged: a post is never lost and never a 500 because of it.</summary>
public sealed partial class AkismetSpamCheck(
    IHttpClientFactory clients, IOptionsSnapshot<AkismetOptions> options, IHttpContextAccessor http, ICommunityDb db, ILogger<AkismetSpamCheck> logger) : ISpamCheck
{
    public const string ClientName = "Akismet";

    public const string SaysSpam = "Akismet says spam";

    public async Task<SpamVerdict> CheckAsync(SpamSample sample, SpamAuthor author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(author);
        var local = SpamScorer.Score(sample);
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return local;
        }

        using var slow = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        slow.CancelAfter(settings.Timeout);
        try
        {
            var email = await db.Accounts.AsNoTracking().Where(a => a.MemberId == author.MemberId).Select(a => a.Email).FirstOrDefaultAsync(cancellationToken);
            var request = http.HttpContext?.Request;
            var fields = new Dictionary<string, string>
            {
                ["api_key"] = settings.ApiKey!,
                ["blog"] = settings.Blog is { Length: > 0 } blog ? blog : request is null ? string.Empty : $"{request.Scheme}://{request.Host}/",
                ["user_ip"] = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
                ["user_agent"] = request?.Headers.UserAgent.ToString() ?? string.Empty,
                ["comment_type"] = "forum-post",
                ["comment_author"] = author.Name,
                ["comment_author_email"] = email ?? string.Empty,
                ["comment_content"] = sample.Body,
            };
            using var content = new FormUrlEncodedContent(fields);
            var client = clients.CreateClient(ClientName);
            using var response = await client.PostAsync(new Uri($"{settings.Endpoint.TrimEnd('/')}/1.1/comment-check"), content, slow.Token);
            var answer = (await response.Content.ReadAsStringAsync(slow.Token)).Trim();
            if (!response.IsSuccessStatusCode || answer is not ("true" or "false"))
            {
                LogConfused(logger, (int)response.StatusCode, answer.Length > 100 ? answer[..100] : answer);
                return local;
            }

            if (answer == "false")
            {
                return local;
            }

            var discard = response.Headers.TryGetValues("X-akismet-pro-tip", out var tips) && tips.Contains("discard", StringComparer.OrdinalIgnoreCase);
            return new SpamVerdict(local.Score + SpamScorer.HoldAt, [.. local.Signals, new SpamSignal(SaysSpam, SpamScorer.HoldAt)], Suspicious: true)
            {
                Refused = discard && settings.BlockDiscarded,
            };
        }
        catch (Exception failure) when (failure is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(logger, failure.GetType().Name, settings.Timeout.TotalSeconds);
            return local;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Akismet answered {Status} \"{Answer}\": the local spam score decides alone")]
    private static partial void LogConfused(ILogger logger, int status, string answer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Akismet did not answer ({Failure}, timeout {TimeoutSeconds} s): the local spam score decides alone")]
    private static partial void LogUnavailable(ILogger logger, string failure, double timeoutSeconds);
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Trust;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Safety;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Administration;

/// <summary>The content filter's rules as admins keep them: watched words and patterns, and sites blocked or allowed.</summary>
public static class GetContentFilter
{
    [Authorize(Powers.Administer)]
    public sealed record Query : IRequest<Rules>;

    public sealed record Rules(IReadOnlyList<WordRow> Words, IReadOnlyList<LinkRow> Links);

    public sealed record WordRow(int Id, string Pattern, bool IsPattern, WatchedWordAction Action, string? Replacement, string? Message);

    public sealed record LinkRow(int Id, string Host, LinkRuleKind Kind);

    public sealed class Handler(ICommunityDb db) : IRequestHandler<Query, Rules>
    {
        public async Task<Rules> Handle(Query request, CancellationToken cancellationToken) =>
            new(
                await db.WatchedWords.AsNoTracking().OrderBy(w => w.Pattern)
                    .Select(w => new WordRow(w.Id, w.Pattern, w.IsPattern, w.Action, w.Replacement, w.Message)).ToListAsync(cancellationToken),
                await db.LinkRules.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Host)
                    .Select(r => new LinkRow(r.Id, r.Host, r.Kind)).ToListAsync(cancellationToken));
    }
}

/// <summary>An admin watches a word or pattern, with what the filter does when a post has it.</summary>
public static class WatchWord
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<Unit>
    {
        public string Pattern { get; set; } = string.Empty;

        public bool IsPattern { get; set; }

        public WatchedWordAction Action { get; set; }

        public string? Replacement { get; set; }

        public string? Message { get; set; }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, ContentFilterRules rules, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var word = WatchedWord.Create(currentUser.Viewer().MemberId!.Value, request.Pattern, request.IsPattern, request.Action, request.Replacement, request.Message, clock.GetUtcNow());
            if (await db.WatchedWords.AnyAsync(w => w.Pattern == word.Pattern && w.IsPattern == word.IsPattern, cancellationToken))
            {
                throw new DomainException($"\u201c{word.Pattern}\u201d is watched already.");
            }

            db.WatchedWords.Add(word);
            rules.Forget();
            return Unit.Value;
        }
    }
}

/// <summary>An admin blocks or allows links to a site (and its subdomains).</summary>
public static class AddLinkRule
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<Unit>
    {
        public string Host { get; set; } = string.Empty;

        public LinkRuleKind Kind { get; set; }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, ContentFilterRules rules, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var rule = LinkRule.Create(currentUser.Viewer().MemberId!.Value, request.Host, request.Kind, clock.GetUtcNow());
            if (await db.LinkRules.AnyAsync(r => r.Host == rule.Host, cancellationToken))
            {
                throw new DomainException($"There is a rule for {rule.Host} already; remove it first.");
            }

            db.LinkRules.Add(rule);
            rules.Forget();
            return Unit.Value;
        }
    }
}

/// <summary>An admin removes a watched word or a link rule.</summary>
public static class RemoveFilterRule
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<Unit>
    {
        public int? WordId { get; set; }

        public int? LinkRuleId { get; set; }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, ContentFilterRules rules, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var admin = currentUser.Viewer().MemberId!.Value;
            if (request.WordId is { } wordId)
            {
                var word = await db.WatchedWords.FirstOrDefaultAsync(w => w.Id == wordId, cancellationToken) ?? throw new NotFoundException("Watched word", wordId);
                word.Remove(admin, clock.GetUtcNow());
                db.WatchedWords.Remove(word);
            }
            else if (request.LinkRuleId is { } ruleId)
            {
                var rule = await db.LinkRules.FirstOrDefaultAsync(r => r.Id == ruleId, cancellationToken) ?? throw new NotFoundException("Link rule", ruleId);
                rule.Remove(admin, clock.GetUtcNow());
                db.LinkRules.Remove(rule);
            }
            else
            {
                throw new NotFoundException("Rule", 0);
            }

            rules.Forget();
            return Unit.Value;
        }
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Notifications;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Ties;
using CommunityHub.Domain.Ties.Routing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ties;

/// <summary>Someone of the company asks a member to help with an unanswered thread: the member is notified once
/// (asking again changes nothing), never if they opted out of being asked; the ask is recorded with the tie the
/// member had with the thread's starter, so that the outcomes say whether weak or strong ties answer better.</summary>
public static class AskForHelp
{
    [Authorize]
    public sealed record Command(long ThreadId, string Handle) : ICommand<bool>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, Notifier notifier, TieScorer scorer, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            if (!TieVisibility.SeesTiesForStaffPurposes(currentUser.Viewer()))
            {
                throw new ForbiddenException("Asking members for help is for the company's people.");
            }

            var me = currentUser.MemberId!.Value;
            var thread = await db.Threads.AsNoTracking().Where(t => t.Id == request.ThreadId).Select(t => new { t.Id, t.AuthorId }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var asked = await db.Members.Where(m => m.Handle == request.Handle && m.FormerAt == null).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Member", request.Handle);
            if (asked == thread.AuthorId)
            {
                throw new DomainException("The thread's starter is the one asking.");
            }

            if (await db.TiePreferences.AnyAsync(p => p.MemberId == asked && !p.MayBeAskedForHelp, cancellationToken))
            {
                throw new DomainException("This member chose not to be asked for help.");
            }

            if (await db.HelpAsks.AnyAsync(a => a.ThreadId == thread.Id && a.AskedId == asked, cancellationToken))
            {
                return false;
            }

            var now = clock.GetUtcNow();
            var strengths = await HelpSuggestions.StrengthsAsync(db, scorer, thread.AuthorId, now, cancellationToken);
            var strength = strengths.GetValueOrDefault(asked);
            var strong = strengths.ContainsKey(asked) && scorer.IsStrong(strength, TieRank.Among(strength, strengths.Values));
            db.HelpAsks.Add(HelpAsk.Of(thread.Id, asked, me, now, strength, strong));
            if (await notifier.NewsAboutAsync(thread.Id, null, me, cancellationToken) is { } news)
            {
                await notifier.TellAsync(news, [new Notifier.Recipient(asked, NotificationKind.AskedForHelp)], watchers: null, cancellationToken);
            }
            return true;
        }
    }
}

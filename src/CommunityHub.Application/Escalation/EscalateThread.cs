using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Escalation;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Escalation;

/// <summary>Someone of the company hands a thread to the support desk: the escalation is recorded (pending) with the
/// case as it stands, and a background worker sends it, so the desk's speed never holds up the request. A failed
/// escalation is sent again; one that is pending or open is not sent twice.</summary>
public static class EscalateThread
{
    /// <summary>How many posts of a long thread the desk gets (the first ones, the question and its first answers);
    /// the thread's link leads to the rest.</summary>
    public const int MaxPosts = 200;

    [Authorize(Powers.SpeakForTheCompany)]
    public sealed class Command : ICommand<Result>
    {
        public long ThreadId { get; set; }
    }

    public sealed record Result(long ThreadId, string SpaceSlug);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock, IEscalationLinks links) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            ConversationPolicy.Escalate(viewer).Enforce();
            var thread = await db.Threads.AsNoTracking()
                .Where(t => t.Id == request.ThreadId)
                .Where(ConversationPolicy.ThreadOpenTo(viewer))
                .Select(t => new { t.Id, t.Title, t.AuthorId, t.Space!.Slug })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);
            if (!await db.SupportDesks.AnyAsync(cancellationToken))
            {
                throw new DomainException("No support desk is connected yet: an admin connects one under Admin, Support desk.");
            }

            var now = clock.GetUtcNow();
            var ongoing = await db.Escalations.FirstOrDefaultAsync(e => e.ThreadId == thread.Id && e.Status != EscalationStatus.Solved, cancellationToken);
            if (ongoing is not null)
            {
                // A failed one goes again as it was; a pending or open one refuses (a race past this is the unique index's: 409).
                ongoing.Retry(viewer, now);
                return new Result(thread.Id, thread.Slug);
            }

            var asker = await (
                    from m in db.Members.AsNoTracking()
                    where m.Id == thread.AuthorId
                    select new
                    {
                        m.DisplayName,
                        Email = db.Accounts.Where(a => a.MemberId == m.Id).Select(a => a.Email).FirstOrDefault(),
                        Organisation = db.OrganisationMembers.Where(o => o.MemberId == m.Id)
                            .Join(db.Organisations, o => o.OrganisationId, o => o.Id, (_, o) => o.Name).FirstOrDefault(),
                        EscalatedBy = db.Members.Where(e => e.Id == viewer.MemberId).Select(e => e.DisplayName).FirstOrDefault(),
                    })
                .FirstAsync(cancellationToken);
            // What members can read plus the staff notes (the desk is the company's own): nothing hidden, deleted or unapproved.
            var posts = await db.Posts.AsNoTracking()
                .Where(p => p.ThreadId == thread.Id)
                .Where(ConversationPolicy.Intact<Post>())
                .OrderBy(p => p.Id)
                .Take(MaxPosts)
                .Select(p => new CasePost(p.Id, db.Members.Where(m => m.Id == p.AuthorId).Select(m => m.DisplayName).First(), p.IsStaffNote, p.CreatedAt, p.Body))
                .ToListAsync(cancellationToken);
            var escalationCase = new EscalationCase(
                thread.Id,
                links.Thread(thread.Slug, thread.Id),
                thread.Title,
                new CaseAsker(asker.DisplayName, string.IsNullOrEmpty(asker.Email) ? null : asker.Email),
                asker.Organisation,
                asker.EscalatedBy ?? string.Empty,
                posts);
            db.Escalations.Add(ThreadEscalation.Start(thread.Id, viewer, escalationCase.ToJson(), now));
            return new Result(thread.Id, thread.Slug);
        }
    }
}

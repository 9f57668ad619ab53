using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Moderation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>Someone speaking for the company (staff, an executive, an admin) marks one reply as the
/// thread's official answer, their own or another's; or clears it. Distinct from the asker's accepted answer.</summary>
public static class MarkOfficialAnswer
{
    [Authorize(Roles = RoleSets.CompanyVoices)]
    public sealed class Command : ICommand<Result>
    {
        public long ThreadId { get; set; }

        /// <summary>The reply to mark; null clears the official answer.</summary>
        public long? PostId { get; set; }
    }

    public sealed record Result(long ThreadId, string SpaceSlug);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var thread = await db.Threads.FirstOrDefaultAsync(t => t.Id == request.ThreadId, cancellationToken)
                ?? throw new NotFoundException("Thread", request.ThreadId);
            var slug = await db.Spaces.Where(s => s.Id == thread.SpaceId).Select(s => s.Slug).FirstAsync(cancellationToken);
            if (request.PostId is not { } postId)
            {
                thread.ClearOfficialAnswer();
                await db.SaveChangesAsync(cancellationToken);
                return new Result(thread.Id, slug);
            }

            var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId && p.ThreadId == thread.Id, cancellationToken)
                ?? throw new NotFoundException("Post", postId);
            if (post.IsOpeningPost || post.IsStaffNote || post.HiddenAt is not null || post.DeletedAt is not null)
            {
                throw PostingRights.Refusal("Only a reply that members can read can be the official answer.");
            }

            thread.MarkOfficialAnswer(post);
            await db.SaveChangesAsync(cancellationToken);
            await mediator.Publish(new OfficialAnswerMarked(thread.Id, post.Id, post.AuthorId, currentUser.MemberId!.Value, clock.GetUtcNow()), cancellationToken);
            return new Result(thread.Id, slug);
        }
    }
}

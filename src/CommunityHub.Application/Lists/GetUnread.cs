using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Paging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Lists;

/// <summary>Unread: the threads the member has read before and where someone else has posted since their last visit
/// (the read mark every thread page moves), across every space they may still enter.</summary>
public static class GetUnread
{
    [Authorize]
    public sealed record Query(ThreadListChoice? Choice = null, string? After = null) : IRequest<ThreadListPage>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.After)
                .Must(after => after is null || ThreadCursor.TryParse(after, out _))
                .WithMessage("That page link is not valid.");
    }

    public sealed class Handler(ICommunityDb db, ThreadLists lists, ICurrentUser currentUser) : IRequestHandler<Query, ThreadListPage>
    {
        public Task<ThreadListPage> Handle(Query request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var me = viewer.MemberId;
            // The conversation's posts (a staff note makes no thread unread); the space rule is the thread's, below.
            var posts = db.Posts.Where(ConversationPolicy.InTheConversation<Post>());
            var threads = db.Threads.AsNoTracking()
                .Where(ConversationPolicy.ThreadOpenTo(viewer))
                .Where(t => db.ThreadReadMarks.Any(r => r.MemberId == me && r.ThreadId == t.Id
                    && posts.Any(p => p.ThreadId == t.Id && p.Id > r.LastReadPostId && p.AuthorId != me)));
            return lists.PageAsync(threads, viewer, request.Choice ?? ThreadListChoice.Default, request.After, pinnedFirst: false, cancellationToken);
        }
    }
}

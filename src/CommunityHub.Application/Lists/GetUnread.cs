using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Paging;
using CommunityHub.Application.Common.Security;
using FluentValidation;
using MediatR;

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

    public sealed class Handler(ThreadLists lists, ICurrentUser currentUser) : IRequestHandler<Query, ThreadListPage>
    {
        public Task<ThreadListPage> Handle(Query request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var threads = lists.Unread(viewer);
            return lists.PageAsync(threads, viewer, request.Choice ?? ThreadListChoice.Default, request.After, pinnedFirst: false, cancellationToken);
        }
    }
}

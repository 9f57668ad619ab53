using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Paging;
using CommunityHub.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace CommunityHub.Application.Lists;

/// <summary>Latest: the threads of every space the reader may enter, filtered and ordered as they chose (the home page
/// shows its first rows below the spaces).</summary>
public static class GetLatest
{
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
            return lists.PageAsync(lists.Everywhere(viewer), viewer, request.Choice ?? ThreadListChoice.Default, request.After, pinnedFirst: false, cancellationToken);
        }
    }
}

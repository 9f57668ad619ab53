using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Members;
using MediatR;

namespace CommunityHub.Application.Moderation;

/// <summary>The hide form's view of the post: its words and history, for moderators only, like the action.</summary>
public static class GetPostToHide
{
    [Authorize(Powers.Moderate)]
    public sealed record Query(long PostId) : IRequest<GetPostHistory.History>;

    public sealed class Handler(IMediator mediator) : IRequestHandler<Query, GetPostHistory.History>
    {
        public Task<GetPostHistory.History> Handle(Query request, CancellationToken cancellationToken) =>
            mediator.Send(new GetPostHistory.Query(request.PostId), cancellationToken);
    }
}

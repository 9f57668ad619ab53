using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Ties;
using MediatR;

namespace CommunityHub.Application.Maintenance;

/// <summary>Repairs what <see cref="CheckConsistency"/> reports: recounts the counters and rebuilds the ties
/// from history, in one transaction. Also <c>CommunityHub.Web check-consistency --repair</c>.</summary>
public static class RepairConsistency
{
    /// <summary>Not exposed on any page: run from the command line by whoever runs the server.</summary>
    public sealed class Command : ICommand<Result>;

    public sealed record Result(RecountCounters.Result Counters, RebuildTies.Report Ties);

    public sealed class Handler(IMediator mediator) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            // Both join this command's transaction: a failure leaves everything as it was.
            var counters = await mediator.Send(new RecountCounters.Command(), cancellationToken);
            var ties = await mediator.Send(new RebuildTies.Command(), cancellationToken);
            return new Result(counters, ties);
        }
    }
}

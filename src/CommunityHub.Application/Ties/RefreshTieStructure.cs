using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using MediatR;

namespace CommunityHub.Application.Ties;

/// <summary>One structure pass: recomputes the structural component of the ties around the pairs whose contact
/// changed since the last pass (at most <see cref="Command.MaxChanges"/> of them), in one transaction. Run by the
/// background service every <c>Ties:StructurePassInterval</c> on each instance (the queue is claimed with SKIP
/// LOCKED, so instances share it), and by the rebuild for everything at once.</summary>
public static class RefreshTieStructure
{
    public sealed record Command(int MaxChanges = 2_000) : ICommand<StructureRefresh>;

    public sealed class Handler(ITieStore store, TimeProvider clock) : IRequestHandler<Command, StructureRefresh>
    {
        public Task<StructureRefresh> Handle(Command request, CancellationToken cancellationToken) =>
            store.RefreshStructureAsync(request.MaxChanges, clock.GetUtcNow(), cancellationToken);
    }
}

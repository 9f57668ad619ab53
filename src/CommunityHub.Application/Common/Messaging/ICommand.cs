using MediatR;

namespace CommunityHub.Application.Common.Messaging;

/// <summary>Marks a request that changes state. Only commands run inside the transaction behaviour;
/// queries read without one.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>, ICommandMarker;

/// <summary>The non-generic face of <see cref="ICommand{TResponse}"/>, for behaviours to test against.</summary>
#pragma warning disable CA1040 // A marker is exactly what this is.
public interface ICommandMarker;
#pragma warning restore CA1040

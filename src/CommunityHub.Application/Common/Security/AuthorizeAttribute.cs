using CommunityHub.Domain.Members;

namespace CommunityHub.Application.Common.Security;

/// <summary>Put on a request: only signed-in members may send it, and when <see cref="Power"/> is set, only
/// members whose roles give that power (<see cref="Viewer.Of(Guid, Func{string, bool})"/> says which do).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AuthorizeAttribute(Powers power = Powers.None) : Attribute
{
    public Powers Power { get; } = power;
}

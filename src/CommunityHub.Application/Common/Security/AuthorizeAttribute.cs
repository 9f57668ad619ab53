namespace CommunityHub.Application.Common.Security;

/// <summary>Put on a request: only signed-in members may send it, and when <see cref="Roles"/> is set,
/// only members holding one of those roles (comma-separated).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AuthorizeAttribute : Attribute
{
    public string Roles { get; set; } = string.Empty;
}

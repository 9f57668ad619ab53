namespace CommunityHub.Domain.Common;

/// <summary>The person is signed in but may not do this at all (a member hiding a post, someone else deleting
/// your reply): what a forged form gets. Pages answer 403. The other kind of refusal is
/// <see cref="DomainException"/>, which the person can act on.</summary>
public sealed class ForbiddenException : Exception
{
    public ForbiddenException() : base("You are not allowed to do that.") { }

    public ForbiddenException(string message) : base(message) { }

    public ForbiddenException(string message, Exception innerException) : base(message, innerException) { }
}

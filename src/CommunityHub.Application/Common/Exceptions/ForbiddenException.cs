namespace CommunityHub.Application.Common.Exceptions;

/// <summary>The member is signed in but may not do this. Pages answer 403.</summary>
public sealed class ForbiddenException : Exception
{
    public ForbiddenException() : base("You are not allowed to do that.") { }

    public ForbiddenException(string message) : base(message) { }

    public ForbiddenException(string message, Exception innerException) : base(message, innerException) { }
}

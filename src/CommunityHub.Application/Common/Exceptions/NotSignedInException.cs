namespace CommunityHub.Application.Common.Exceptions;

/// <summary>The request needs a signed-in member and came from an anonymous visitor. Pages send them to sign in.</summary>
public sealed class NotSignedInException : Exception
{
    public NotSignedInException() : base("You need to sign in to do that.") { }

    public NotSignedInException(string message) : base(message) { }

    public NotSignedInException(string message, Exception innerException) : base(message, innerException) { }
}

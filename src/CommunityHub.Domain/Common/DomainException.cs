namespace CommunityHub.Domain.Common;

/// <summary>A rule of the domain was broken. Validators catch user mistakes before this is thrown;
/// reaching it means a caller skipped validation.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException() { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }
}

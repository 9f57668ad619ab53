namespace CommunityHub.Domain.Common;

/// <summary>The rules refuse this, for a reason the person can read and act on ("This thread is closed…"): pages
/// put the message on the form they sent. One of the two kinds of refusal; the other is
/// <see cref="ForbiddenException"/>, for what the person may not do at all.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException() { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }
}

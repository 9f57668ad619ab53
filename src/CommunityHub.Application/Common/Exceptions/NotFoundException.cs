namespace CommunityHub.Application.Common.Exceptions;

/// <summary>The thing asked for does not exist (or is not visible to the asker). Pages answer 404.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string what, object key) : base($"{what} \"{key}\" was not found.") { }

    public NotFoundException() { }

    public NotFoundException(string message) : base(message) { }

    public NotFoundException(string message, Exception innerException) : base(message, innerException) { }
}

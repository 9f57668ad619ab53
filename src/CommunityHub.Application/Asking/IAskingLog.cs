namespace CommunityHub.Application.Asking;

/// <summary>The deflection measure's writes, race-free in PostgreSQL (a form's row is written once however often
/// its suggestions are fetched; the first suggestion opened is the one kept).</summary>
public interface IAskingLog
{
    Task ShownAsync(Guid formId, Guid memberId, int spaceId, DateTimeOffset now, CancellationToken cancellationToken);

    Task OpenedAsync(Guid formId, Guid memberId, long threadId, DateTimeOffset now, CancellationToken cancellationToken);
}

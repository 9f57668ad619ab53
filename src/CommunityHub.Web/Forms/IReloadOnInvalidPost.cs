namespace CommunityHub.Web.Forms;

/// <summary>A page whose form is re-shown with errors needs its display data again (the thread under
/// the reply form, say); <see cref="UseCaseOutcomeFilter"/> calls this before rendering it.</summary>
public interface IReloadOnInvalidPost
{
    Task ReloadAsync(CancellationToken cancellationToken);
}

namespace CommunityHub.Application.Common.Abstractions;

/// <summary>Recognises this community's own thread addresses (the web layer knows the thread page's route and the
/// community's public address).</summary>
public interface IThreadAddresses
{
    /// <summary>The thread <paramref name="href"/> leads to, when it is this community's thread page, relative or absolute
    /// on its public address; otherwise null.</summary>
    long? ThreadIdOf(string href);
}

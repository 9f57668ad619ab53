using CommunityHub.Domain.Members;
using CommunityHub.Domain.Tags;
using CommunityHub.Domain.Trust;

namespace CommunityHub.Domain.Threads;

public sealed partial class DiscussionThread
{
    private readonly List<ThreadTag> _tags = [];

    /// <summary>The thread's tags (at most <see cref="Tagging.MaxPerThread"/>).</summary>
    public IReadOnlyCollection<ThreadTag> Tags => _tags;

    /// <summary>The starter, a Leader, staff or a moderator (<see cref="ConversationPolicy.Tag"/>) gives the thread its set of
    /// tags, replacing the one it had; the space's required groups (<paramref name="required"/>) must be covered.
    /// Refused as a whole: nothing changes on a refusal.</summary>
    /// <param name="level">The tagger's trust level (a Leader tags any thread).</param>
    public void Retag(Viewer by, IReadOnlyCollection<TagChoice> tags, IReadOnlyCollection<RequiredTagGroup> required, TrustLevel level = TrustLevel.New)
    {
        ArgumentNullException.ThrowIfNull(by);
        ConversationPolicy.Tag(by, this, level).Enforce();
        var wanted = Tagging.Check(tags, required).Select(t => t.Id).ToHashSet();
        _tags.RemoveAll(t => !wanted.Contains(t.TagId));
        foreach (var id in wanted.Where(id => !_tags.Exists(t => t.TagId == id)))
        {
            _tags.Add(new ThreadTag(Id, id));
        }
    }
}

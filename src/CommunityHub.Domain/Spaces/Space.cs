using CommunityHub.Domain.Common;
using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Domain.Spaces;

/// <summary>A place for one kind of conversation (a category). Its purpose statement tells members what belongs here.</summary>
public sealed class Space : AggregateRoot
{
    public const int NameMaxLength = 80;
    public const int PurposeMaxLength = 500;

    /// <summary>Whom a members-only space's badge names ("Private · signed-in members").</summary>
    public const string MembersLabel = "signed-in members";

    private readonly List<SpaceAccess> _access = [];

    private Space(string name, string slug, string purpose, int position)
    {
        Name = name;
        Slug = slug;
        Purpose = purpose;
        Position = position;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public string Purpose { get; private set; }

    /// <summary>Order on the home page, lowest first.</summary>
    public int Position { get; private set; }

    // Denormalised so the home page is one cheap query; kept by the write path and by RecountCounters.
    public int ThreadCount { get; private set; }

    public DateTimeOffset? LastActivityAt { get; private set; }

    public long? LastActiveThreadId { get; private set; }

    /// <summary>Optimistic concurrency token, moved by <see cref="Edit"/> only. Not PostgreSQL's xmin: every new
    /// thread or reply rewrites the row's counters, so xmin would call a busy space changed all the time.</summary>
    public int Version { get; private set; }

    /// <summary>An Ideas space: its threads are ideas that members vote for and the company answers with a status.</summary>
    public bool IsIdeas { get; private set; }

    /// <summary>The groups a restricted space is open to (besides the staff side); none for a space open to everyone.
    /// Who may enter is <see cref="Threads.ConversationPolicy.SpaceOpenTo"/>'s to say.</summary>
    public IReadOnlyCollection<SpaceAccess> Access => _access;

    /// <summary>A space only signed-in members may enter (and the staff side); anonymous visitors, search engines and
    /// public feeds do not find it. A space restricted to groups is for signed-in members anyway.</summary>
    public bool MembersOnly { get; private set; }

    /// <summary>Who the space is open to, as the admin chose it.</summary>
    public SpaceAudience Audience => _access.Count > 0 ? SpaceAudience.Groups : MembersOnly ? SpaceAudience.Members : SpaceAudience.Everyone;

    /// <summary>An admin restricts the space to <paramref name="groups"/>, or opens it to everyone with none.</summary>
    public void RestrictTo(IReadOnlyCollection<MemberGroup> groups, Guid adminId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(groups);
        OpenTo(groups.Count == 0 ? SpaceAudience.Everyone : SpaceAudience.Groups, groups, adminId, now);
    }

    /// <summary>An admin opens the space to everyone, to signed-in members only, or to <paramref name="groups"/> only
    /// (at least one; the other audiences take none).</summary>
    public void OpenTo(SpaceAudience audience, IReadOnlyCollection<MemberGroup> groups, Guid adminId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (audience == SpaceAudience.Groups && groups.Count == 0)
        {
            throw new DomainException("Tick at least one group, or open the space to everyone or to signed-in members.");
        }

        var wanted = audience == SpaceAudience.Groups ? groups.Select(g => g.Id).ToHashSet() : [];
        var membersOnly = audience == SpaceAudience.Members;
        if (audience == Audience && wanted.SetEquals(_access.Select(a => a.GroupId)))
        {
            throw new DomainException(audience switch
            {
                SpaceAudience.Everyone => $"{Name} is open to everyone already.",
                SpaceAudience.Members => $"{Name} is open to signed-in members already.",
                _ => $"{Name} is open to those groups already.",
            });
        }

        MembersOnly = membersOnly;
        _access.RemoveAll(a => !wanted.Contains(a.GroupId));
        foreach (var id in wanted.Where(id => !_access.Exists(a => a.GroupId == id)))
        {
            _access.Add(new SpaceAccess(Id, id));
        }

        Record(new CommunityAdministered(adminId, ModerationAction.RestrictSpace, Id, null, audience switch
        {
            SpaceAudience.Everyone => $"{Name} is open to everyone",
            SpaceAudience.Members => $"{Name} is open to signed-in members only",
            _ => $"{Name} is private to {string.Join(", ", groups.Select(g => g.Name).Order(StringComparer.Ordinal))}",
        }, now));
    }

    /// <summary>An admin makes the space an Ideas space (or an ordinary one again; votes and statuses are kept).</summary>
    public void HoldIdeas(bool ideas, Guid adminId, DateTimeOffset now)
    {
        if (ideas == IsIdeas)
        {
            throw new DomainException(ideas ? $"{Name} is an Ideas space already." : $"{Name} is an ordinary space already.");
        }

        IsIdeas = ideas;
        Version++;
        Record(new CommunityAdministered(adminId, ModerationAction.EditSpace, Id, null, ideas ? $"{Name} is an Ideas space" : $"{Name} is an ordinary space again", now));
    }

    public static Space Create(string name, string slug, string purpose, int position) =>
        new(Guard.Text(name, NameMaxLength, "A space name"), ValidSlug(slug), Guard.Text(purpose, PurposeMaxLength, "A purpose statement"), position);

    /// <summary>An admin opens a new space (id <paramref name="id"/>, handed out before writing) at the end of the list.</summary>
    public static Space Open(int id, string name, string slug, string purpose, int position, Guid adminId, DateTimeOffset now)
    {
        var space = Create(name, slug, purpose, position);
        space.Id = id;
        space.Record(new CommunityAdministered(adminId, ModerationAction.CreateSpace, id, null, space.Name, now));
        return space;
    }

    public void Edit(string name, string slug, string purpose, Guid adminId, DateTimeOffset now)
    {
        var before = Slug;
        Name = Guard.Text(name, NameMaxLength, "A space name");
        Slug = ValidSlug(slug);
        Purpose = Guard.Text(purpose, PurposeMaxLength, "A purpose statement");
        Version++;
        Record(new CommunityAdministered(adminId, ModerationAction.EditSpace, Id, null,
            before == Slug ? Name : $"{Name} (address /s/{before} is now /s/{Slug})", now));
    }

    /// <summary>Moves <paramref name="moving"/> one place up (<paramref name="by"/> = -1) or down (+1) among
    /// <paramref name="spaces"/> (in their order on the home page), and numbers them all again.</summary>
    public static void Reorder(IList<Space> spaces, Space moving, int by, Guid adminId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spaces);
        ArgumentNullException.ThrowIfNull(moving);
        if (by is not (-1 or 1))
        {
            throw new DomainException("A space moves one place up or down at a time.");
        }

        var index = spaces.IndexOf(moving);
        var target = index + by;
        if (target < 0 || target >= spaces.Count)
        {
            throw new DomainException($"{moving.Name} is {(by < 0 ? "first" : "last")} already.");
        }

        (spaces[index], spaces[target]) = (spaces[target], spaces[index]);
        for (var i = 0; i < spaces.Count; i++)
        {
            spaces[i].Position = i + 1;
        }

        moving.Record(new CommunityAdministered(adminId, ModerationAction.ReorderSpaces, moving.Id, null,
            $"{moving.Name} moved {(by < 0 ? "up" : "down")} to place {target + 1}", now));
    }

    private static string ValidSlug(string? slug)
    {
        var trimmedSlug = slug?.Trim() ?? string.Empty;
        if (!Spaces.Slug.IsValid(trimmedSlug))
        {
            throw new DomainException("A slug is lower-case letters, digits and single hyphens.");
        }

        return trimmedSlug;
    }
}

/// <summary>One group a restricted space is open to.</summary>
public sealed class SpaceAccess
{
    internal SpaceAccess(int spaceId, int groupId)
    {
        SpaceId = spaceId;
        GroupId = groupId;
    }

    public int SpaceId { get; private set; }

    public int GroupId { get; private set; }

    /// <summary>For the policy's query expressions (who is in the group); never loaded to change.</summary>
    public MemberGroup? Group { get; private set; }
}

/// <summary>Who a space is open to (besides the staff side, who enter every space).</summary>
public enum SpaceAudience
{
    /// <summary>Anyone, signed in or not; its feed is public.</summary>
    Everyone,

    /// <summary>Signed-in members only.</summary>
    Members,

    /// <summary>Members of the groups it is restricted to only.</summary>
    Groups,
}

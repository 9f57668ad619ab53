using System.Text.RegularExpressions;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Domain.Tags;

/// <summary>A label an admin defines ("billing", "v2.4") that threads carry across spaces, optionally in a
/// <see cref="TagGroup"/> (Product, Version, Topic). Its name is its address: /tags/{name}.</summary>
public sealed partial class Tag : AggregateRoot
{
    public const int NameMaxLength = 30;
    public const int DescriptionMaxLength = 300;

    private Tag(string name, string description, int? groupId, DateTimeOffset createdAt)
    {
        Name = name;
        Description = description;
        GroupId = groupId;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    /// <summary>Lower-case letters, digits, and single hyphens or dots between them ("billing", "v2.4").</summary>
    public string Name { get; private set; }

    public string Description { get; private set; }

    public int? GroupId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>An admin defines a tag with id <paramref name="id"/> (handed out before writing).</summary>
    public static Tag Define(int id, string name, string? description, int? groupId, Guid adminId, DateTimeOffset now)
    {
        var tag = new Tag(ValidName(name), DescriptionOf(description), groupId, now) { Id = id };
        tag.Record(new CommunityAdministered(adminId, ModerationAction.DefineTag, null, null, tag.Name, now));
        return tag;
    }

    public void Edit(string? description, int? groupId, Guid adminId, DateTimeOffset now)
    {
        Description = DescriptionOf(description);
        GroupId = groupId;
        Record(new CommunityAdministered(adminId, ModerationAction.DefineTag, null, null, $"{Name} changed", now));
    }

    /// <summary>Whether <paramref name="candidate"/> is a well-formed tag name (it may still be unknown).</summary>
    public static bool IsValidName(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && candidate.Length <= NameMaxLength && NamePattern().IsMatch(candidate);

    /// <summary>How a name typed by a person is looked up: trimmed, lower-case.</summary>
    public static string Normalise(string? typed) => (typed ?? string.Empty).Trim().ToLowerInvariant();

    private static string ValidName(string? name)
    {
        var normalised = Normalise(name);
        return IsValidName(normalised)
            ? normalised
            : throw new DomainException($"A tag's name is at most {NameMaxLength} lower-case letters and digits, with single hyphens or dots between them (\u201cbilling\u201d, \u201cv2.4\u201d).");
    }

    private static string DescriptionOf(string? description)
    {
        var trimmed = description?.Trim() ?? string.Empty;
        return trimmed.Length <= DescriptionMaxLength ? trimmed : throw new DomainException($"A tag's description is at most {DescriptionMaxLength} characters.");
    }

    [GeneratedRegex("^[a-z0-9]+(?:[.-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

/// <summary>A family of tags (Product, Version, Topic). A space may require one of its tags on every new thread
/// ("pick a product"): <see cref="RequiredIn"/>.</summary>
public sealed class TagGroup : AggregateRoot
{
    public const int NameMaxLength = 40;
    public const int DescriptionMaxLength = 300;

    private readonly List<TagGroupRequirement> _requiredIn = [];

    private TagGroup(string name, string description, DateTimeOffset createdAt)
    {
        Name = name;
        Description = description;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The spaces where a new thread must carry one of this group's tags.</summary>
    public IReadOnlyCollection<TagGroupRequirement> RequiredIn => _requiredIn;

    public static TagGroup Create(int id, string name, string? description, IReadOnlyCollection<int> requiredInSpaceIds, Guid adminId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requiredInSpaceIds);
        var group = new TagGroup(Guard.Text(name, NameMaxLength, "A tag group's name"), DescriptionOf(description), now) { Id = id };
        group._requiredIn.AddRange(requiredInSpaceIds.Distinct().Select(s => new TagGroupRequirement(id, s)));
        group.Record(new CommunityAdministered(adminId, ModerationAction.DefineTag, null, null, $"tag group {group.Name}", now));
        return group;
    }

    /// <summary>An admin renames the group, or changes where it is required.</summary>
    public void Edit(string name, string? description, IReadOnlyCollection<int> requiredInSpaceIds, Guid adminId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requiredInSpaceIds);
        Name = Guard.Text(name, NameMaxLength, "A tag group's name");
        Description = DescriptionOf(description);
        var wanted = requiredInSpaceIds.ToHashSet();
        _requiredIn.RemoveAll(r => !wanted.Contains(r.SpaceId));
        foreach (var spaceId in wanted.Where(s => !_requiredIn.Exists(r => r.SpaceId == s)))
        {
            _requiredIn.Add(new TagGroupRequirement(Id, spaceId));
        }

        Record(new CommunityAdministered(adminId, ModerationAction.DefineTag, null, null, $"tag group {Name} changed", now));
    }

    private static string DescriptionOf(string? description)
    {
        var trimmed = description?.Trim() ?? string.Empty;
        return trimmed.Length <= DescriptionMaxLength ? trimmed : throw new DomainException($"A tag group's description is at most {DescriptionMaxLength} characters.");
    }
}

/// <summary>One space where a tag group is required.</summary>
public sealed class TagGroupRequirement
{
    internal TagGroupRequirement(int groupId, int spaceId)
    {
        GroupId = groupId;
        SpaceId = spaceId;
    }

    public int GroupId { get; private set; }

    public int SpaceId { get; private set; }
}

/// <summary>One tag on one thread (part of the thread: <see cref="Threads.DiscussionThread.Retag"/>).</summary>
public sealed class ThreadTag
{
    internal ThreadTag(long threadId, int tagId)
    {
        ThreadId = threadId;
        TagId = tagId;
    }

    public long ThreadId { get; private set; }

    public int TagId { get; private set; }

    /// <summary>For queries (the tag's name); never loaded to change.</summary>
    public Tag? Tag { get; private set; }
}

/// <summary>A member watches a tag: told of every new thread carrying it, and its best in their digest.</summary>
public sealed class TagWatch
{
    private TagWatch(Guid memberId, int tagId, DateTimeOffset since)
    {
        MemberId = memberId;
        TagId = tagId;
        Since = since;
    }

    public Guid MemberId { get; private set; }

    public int TagId { get; private set; }

    public DateTimeOffset Since { get; private set; }

    public static TagWatch Create(Guid memberId, int tagId, DateTimeOffset now) => new(memberId, tagId, now);
}

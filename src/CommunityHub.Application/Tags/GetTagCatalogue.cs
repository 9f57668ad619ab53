using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tags;

/// <summary>Every tag, by group: for the admins' tag page and for the tag choice on the thread forms.</summary>
public static class GetTagCatalogue
{
    /// <param name="SpaceSlug">The space a thread is in or is being started in: its required groups come marked.</param>
    public sealed record Query(string? SpaceSlug = null) : IRequest<Catalogue>;

    /// <summary>For the admins: also the spaces a group may be required in, and how many threads each tag carries.</summary>
    [Authorize(Powers.Administer)]
    public sealed record AdminQuery : IRequest<Catalogue>;

    /// <param name="Groups">The groups with their tags, in name order; tags in no group come last, in a group with id 0.</param>
    public sealed record Catalogue(IReadOnlyList<GroupView> Groups, IReadOnlyList<SpaceOption> Spaces)
    {
        public bool IsEmpty => Groups.All(g => g.Tags.Count == 0);
    }

    /// <param name="Required">This group is required in the space asked about.</param>
    /// <param name="RequiredIn">The spaces that require the group (admins only).</param>
    public sealed record GroupView(int Id, string Name, string Description, bool Required, IReadOnlyList<int> RequiredIn, IReadOnlyList<TagView> Tags);

    public sealed record TagView(int Id, string Name, string Description, int ThreadCount);

    public sealed record SpaceOption(int Id, string Name);

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser) : IRequestHandler<Query, Catalogue>, IRequestHandler<AdminQuery, Catalogue>
    {
        public async Task<Catalogue> Handle(Query request, CancellationToken cancellationToken)
        {
            // One statement: the tags with their groups (a group with no tags has nothing to offer on a form).
            var slug = request.SpaceSlug;
            var tags = await db.Tags.AsNoTracking()
                .OrderBy(t => t.Name)
                .Select(t => new
                {
                    t.Id,
                    t.Name,
                    t.Description,
                    t.GroupId,
                    Group = db.TagGroups.Where(g => g.Id == t.GroupId)
                        .Select(g => new { g.Name, g.Description, Required = slug != null && g.RequiredIn.Any(r => db.Spaces.Any(s => s.Id == r.SpaceId && s.Slug == slug)) })
                        .FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            var groups = tags.Where(t => t.GroupId is not null && t.Group is not null)
                .DistinctBy(t => t.GroupId)
                .OrderBy(t => t.Group!.Name, StringComparer.Ordinal)
                .Select(t => (t.GroupId!.Value, t.Group!.Name, t.Group.Description, t.Group.Required, (IReadOnlyList<int>)[]));
            return Arrange(groups, tags.Select(t => (t.Id, t.Name, t.Description, t.GroupId, 0)), []);
        }

        public async Task<Catalogue> Handle(AdminQuery request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var tags = await db.Tags.AsNoTracking()
                .OrderBy(t => t.Name)
                .Select(t => new { t.Id, t.Name, t.Description, t.GroupId, Threads = db.ThreadTags.Count(x => x.TagId == t.Id) })
                .ToListAsync(cancellationToken);
            var groups = await db.TagGroups.AsNoTracking()
                .OrderBy(g => g.Name)
                .Select(g => new { g.Id, g.Name, g.Description, RequiredIn = g.RequiredIn.Select(r => r.SpaceId).ToList() })
                .ToListAsync(cancellationToken);
            var spaces = await db.Spaces.AsNoTracking().Where(ConversationPolicy.SpaceOpenTo(viewer)).OrderBy(s => s.Position)
                .Select(s => new SpaceOption(s.Id, s.Name)).ToListAsync(cancellationToken);
            return Arrange(groups.Select(g => (g.Id, g.Name, g.Description, false, (IReadOnlyList<int>)g.RequiredIn)), tags.Select(t => (t.Id, t.Name, t.Description, t.GroupId, t.Threads)), spaces);
        }

        private static Catalogue Arrange(
            IEnumerable<(int Id, string Name, string Description, bool Required, IReadOnlyList<int> RequiredIn)> groups,
            IEnumerable<(int Id, string Name, string Description, int? GroupId, int Threads)> tags,
            IReadOnlyList<SpaceOption> spaces)
        {
            var all = tags.ToList();
            List<GroupView> views = [.. groups.Select(g => new GroupView(g.Id, g.Name, g.Description, g.Required, g.RequiredIn,
                [.. all.Where(t => t.GroupId == g.Id).Select(t => new TagView(t.Id, t.Name, t.Description, t.Threads))]))];
            var ungrouped = all.Where(t => t.GroupId is null).Select(t => new TagView(t.Id, t.Name, t.Description, t.Threads)).ToList();
            if (ungrouped.Count > 0)
            {
                views.Add(new GroupView(0, "Other tags", string.Empty, false, [], ungrouped));
            }

            return new Catalogue(views, spaces);
        }
    }
}

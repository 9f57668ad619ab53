using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Groups;

/// <summary>The admins' view of member groups: each with its members and the spaces restricted to it.</summary>
public static class GetGroups
{
    [Authorize(Powers.Administer)]
    public sealed record Query : IRequest<IReadOnlyList<GroupRow>>;

    /// <summary>One group with everyone in it, for its own page.</summary>
    [Authorize(Powers.Administer)]
    public sealed record OneQuery(int GroupId) : IRequest<GroupDetail>;

    /// <summary>The groups a space may be restricted to, with the ones it is, for the space's access form.</summary>
    [Authorize(Powers.Administer)]
    public sealed record ForSpaceQuery(int SpaceId) : IRequest<SpaceAccessForm>;

    public sealed record GroupRow(int Id, string Name, string Description, int MemberCount, IReadOnlyList<string> Spaces);

    /// <param name="EmailDomains">One domain per line; empty when nobody joins by address.</param>
    public sealed record GroupDetail(int Id, string Name, string Description, IReadOnlyList<GroupMemberRow> Members, IReadOnlyList<string> Spaces, string EmailDomains = "", string? SignInGroup = null)
    {
        /// <summary>The handle that @mentions the group, or null.</summary>
        public string? MentionHandle { get; init; }

        /// <summary>Who may use <see cref="MentionHandle"/>.</summary>
        public Domain.Groups.GroupMentions MentionableBy { get; init; }
    }

    public sealed record GroupMemberRow(Guid MemberId, string DisplayName, string Handle, DateTimeOffset AddedAt, Domain.Groups.GroupSource Source = Domain.Groups.GroupSource.Admin);

    public sealed record SpaceAccessForm(int SpaceId, string SpaceName, string SpaceSlug, IReadOnlyList<GroupChoice> Groups, Domain.Spaces.SpaceAudience Audience = Domain.Spaces.SpaceAudience.Everyone);

    public sealed record GroupChoice(int Id, string Name, bool Chosen);

    public sealed class Handler(ICommunityDb db) :
        IRequestHandler<Query, IReadOnlyList<GroupRow>>, IRequestHandler<OneQuery, GroupDetail>, IRequestHandler<ForSpaceQuery, SpaceAccessForm>
    {
        public async Task<IReadOnlyList<GroupRow>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.Groups.AsNoTracking()
                .OrderBy(g => g.Name)
                .Select(g => new GroupRow(g.Id, g.Name, g.Description, g.Members.Count,
                    db.Spaces.Where(s => s.Access.Any(a => a.GroupId == g.Id)).OrderBy(s => s.Position).Select(s => s.Name).ToList()))
                .ToListAsync(cancellationToken);

        public async Task<GroupDetail> Handle(OneQuery request, CancellationToken cancellationToken) =>
            await db.Groups.AsNoTracking()
                .Where(g => g.Id == request.GroupId)
                .Select(g => new GroupDetail(g.Id, g.Name, g.Description,
                    (from gm in g.Members
                     join m in db.Members on gm.MemberId equals m.Id
                     orderby m.DisplayName
                     select new GroupMemberRow(m.Id, m.DisplayName, m.Handle, gm.AddedAt, gm.Source)).ToList(),
                    db.Spaces.Where(s => s.Access.Any(a => a.GroupId == g.Id)).OrderBy(s => s.Position).Select(s => s.Name).ToList(),
                    g.EmailDomainList,
                    g.SignInGroup) { MentionHandle = g.MentionHandle, MentionableBy = g.MentionableBy })
                .AsSingleQuery()
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Group", request.GroupId);

        public async Task<SpaceAccessForm> Handle(ForSpaceQuery request, CancellationToken cancellationToken)
        {
            var space = await db.Spaces.AsNoTracking().Where(s => s.Id == request.SpaceId)
                    .Select(s => new { s.Id, s.Name, s.Slug, s.MembersOnly, Groups = s.Access.Select(a => a.GroupId).ToList() })
                    .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Space", request.SpaceId);
            var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
            return new SpaceAccessForm(space.Id, space.Name, space.Slug, [.. groups.Select(g => new GroupChoice(g.Id, g.Name, space.Groups.Contains(g.Id)))],
                space.Groups.Count > 0 ? Domain.Spaces.SpaceAudience.Groups : space.MembersOnly ? Domain.Spaces.SpaceAudience.Members : Domain.Spaces.SpaceAudience.Everyone);
        }
    }
}

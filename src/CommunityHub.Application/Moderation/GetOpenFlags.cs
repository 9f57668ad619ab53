using CommunityHub.Domain.Members;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Moderation;

/// <summary>The moderators' queue: open flags, oldest first, each with the post it is about.</summary>
public static class GetOpenFlags
{
    public const int PageSize = 50;

    [Authorize(Powers.Moderate)]
    public sealed record Query : IRequest<OpenFlags>;

    public sealed record OpenFlags(int OpenCount, IReadOnlyList<OpenFlag> Flags);

    public sealed record OpenFlag(
        long Id,
        string Reason,
        DateTimeOffset CreatedAt,
        string ReporterName,
        long PostId,
        string PostExcerpt,
        bool PostExcerptIsPartial,
        DateTimeOffset PostCreatedAt,
        Guid AuthorId,
        string AuthorName,
        long ThreadId,
        string ThreadTitle,
        string SpaceSlug,
        int OpenFlagsOnPost);

    public const int ExcerptLength = 400;

    public sealed class Handler(ICommunityDb db) : IRequestHandler<Query, OpenFlags>
    {
        public async Task<OpenFlags> Handle(Query request, CancellationToken cancellationToken)
        {
            var open = db.Flags.AsNoTracking().Where(f => f.ResolvedAt == null);
            var flags = await (
                    from f in open
                    join reporter in db.Members on f.ReporterId equals reporter.Id
                    join p in db.Posts on f.PostId equals p.Id
                    join author in db.Members on p.AuthorId equals author.Id
                    join t in db.Threads on p.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    orderby f.CreatedAt, f.Id
                    select new OpenFlag(
                        f.Id, f.Reason, f.CreatedAt, reporter.DisplayName,
                        p.Id, p.Body.Substring(0, ExcerptLength), p.Body.Length > ExcerptLength, p.CreatedAt,
                        author.Id, author.DisplayName,
                        t.Id, t.Title, s.Slug,
                        open.Count(o => o.PostId == p.Id)))
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            var total = flags.Count < PageSize ? flags.Count : await open.CountAsync(cancellationToken);
            return new OpenFlags(total, flags);
        }
    }
}

using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Paging;
using CommunityHub.Application.Lists;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Spaces;

/// <summary>A space's page: its purpose and one keyset page of its threads, filtered and ordered as the reader chose
/// (by default pinned first, then by latest activity).</summary>
public static class GetSpace
{
    /// <param name="CompanyOnly">Only threads where staff or an executive replied or started them (not counting staff
    /// notes): the filter's older spelling, kept for links already out there.</param>
    /// <param name="Choice">The reader's filter and order (<see cref="ThreadListChoice"/>).</param>
    public sealed record Query(string Slug, string? After = null, bool CompanyOnly = false, ThreadListChoice? Choice = null) : IRequest<SpacePage>;

    public sealed record SpacePage(int Id, string Name, string Slug, string Purpose, int ThreadCount, IReadOnlyList<ThreadRow> Threads, string? NextCursor, bool IsFirstPage, bool CompanyOnly = false, bool IsWatched = false)
    {
        /// <summary>The groups the space is restricted to; empty for a space open to everyone.</summary>
        public IReadOnlyList<string> PrivateTo { get; init; } = [];

        /// <summary>An Ideas space: its page is the list of ideas.</summary>
        public bool IsIdeas { get; init; }

        /// <summary>The filter and order the list was made with.</summary>
        public ThreadListChoice Choice { get; init; } = ThreadListChoice.Default;
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.After)
                .Must(after => after is null || ThreadCursor.TryParse(after, out _))
                .WithMessage("That page link is not valid.");
    }

    public sealed class Handler(ICommunityDb db, ThreadLists lists, ICurrentUser currentUser) : IRequestHandler<Query, SpacePage>
    {
        public async Task<SpacePage> Handle(Query request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId;
            var space = await db.Spaces.AsNoTracking()
                .Where(s => s.Slug == request.Slug)
                .Where(ConversationPolicy.SpaceOpenTo(currentUser.Viewer()))
                .Select(s => new
                {
                    s.Id, s.Name, s.Slug, s.Purpose, s.ThreadCount, s.MembersOnly, s.IsIdeas,
                    IsWatched = db.SpaceWatches.Any(w => w.MemberId == me && w.SpaceId == s.Id),
                    PrivateTo = s.Access.OrderBy(a => a.Group!.Name).Select(a => a.Group!.Name).ToList(),
                })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Space", request.Slug);

            var choice = request.Choice ?? (request.CompanyOnly ? ThreadListChoice.Default with { Filter = ThreadFilter.Company } : ThreadListChoice.Default);
            var page = await lists.PageAsync(lists.InSpace(space.Id), currentUser.Viewer(), choice, request.After, pinnedFirst: true, cancellationToken);
            return new SpacePage(space.Id, space.Name, space.Slug, space.Purpose, space.ThreadCount, page.Threads, page.NextCursor, page.IsFirstPage, page.Choice.Filter == ThreadFilter.Company, space.IsWatched)
            {
                PrivateTo = space.MembersOnly ? [Domain.Spaces.Space.MembersLabel] : space.PrivateTo,
                Choice = page.Choice,
                IsIdeas = space.IsIdeas,
            };
        }
    }
}

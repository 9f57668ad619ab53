using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Paging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Lists;
using CommunityHub.Domain.Tags;
using CommunityHub.Domain.Threads;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tags;

/// <summary>A tag's page: what it means and the threads carrying it that the reader may see, filtered and ordered as
/// they chose. A thread in a space the reader may not enter is not there (<see cref="ConversationPolicy.ThreadOpenTo"/>).</summary>
public static class GetTag
{
    public sealed record Query(string Tag, ThreadListChoice? Choice = null, string? After = null) : IRequest<TagPage>;

    public sealed record TagPage(int Id, string Name, string Description, string? GroupName, bool IsWatched, ThreadListPage List);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.After)
                .Must(after => after is null || ThreadCursor.TryParse(after, out _))
                .WithMessage("That page link is not valid.");
    }

    public sealed class Handler(ICommunityDb db, ThreadLists lists, ICurrentUser currentUser) : IRequestHandler<Query, TagPage>
    {
        public async Task<TagPage> Handle(Query request, CancellationToken cancellationToken)
        {
            var viewer = currentUser.Viewer();
            var me = viewer.MemberId;
            var name = Tag.Normalise(request.Tag);
            var tag = await db.Tags.AsNoTracking()
                .Where(t => t.Name == name)
                .Select(t => new
                {
                    t.Id,
                    t.Name,
                    t.Description,
                    GroupName = db.TagGroups.Where(g => g.Id == t.GroupId).Select(g => g.Name).FirstOrDefault(),
                    IsWatched = db.TagWatches.Any(w => w.MemberId == me && w.TagId == t.Id),
                })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Tag", name);
            var page = await lists.PageAsync(lists.Tagged(viewer, tag.Id), viewer, request.Choice ?? ThreadListChoice.Default, request.After, pinnedFirst: false, cancellationToken);
            return new TagPage(tag.Id, tag.Name, tag.Description, tag.GroupName, tag.IsWatched, page);
        }
    }
}

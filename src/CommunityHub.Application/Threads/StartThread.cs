using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Moderation;
using CommunityHub.Domain.Threads;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>A member starts a conversation in a space.</summary>
public static class StartThread
{
    [Authorize]
    public sealed class Command : ICommand<Result>
    {
        public string SpaceSlug { get; set; } = string.Empty;

        public string Title { get; set; } = string.Empty;

        public string Body { get; set; } = string.Empty;

        /// <summary>Written into the form when it is shown; the same value twice means the same form was sent twice.</summary>
        public Guid SubmissionId { get; set; }
    }

    public sealed record Result(long ThreadId, string SpaceSlug);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).ValidTitle();
            RuleFor(c => c.Body).ValidBody();
            RuleFor(c => c.SubmissionId).ValidSubmissionId();
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IMarkdownRenderer markdown, TimeProvider clock, IMediator mediator, PostingRights rights)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var authorId = currentUser.MemberId!.Value;
            var spaceId = await db.Spaces.Where(s => s.Slug == request.SpaceSlug).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Space", request.SpaceSlug);

            var earlier = await db.Posts
                .Where(p => p.AuthorId == authorId && p.SubmissionId == request.SubmissionId && p.IsOpeningPost)
                .Select(p => (long?)p.ThreadId)
                .FirstOrDefaultAsync(cancellationToken);
            if (earlier is { } existingThreadId)
            {
                // The same form sent twice (a double click, a refresh): the thread exists already.
                return new Result(existingThreadId, request.SpaceSlug);
            }

            var now = clock.GetUtcNow();
            await rights.EnsureMayPostAsync(authorId, now, cancellationToken);
            var rendered = await PostBody.RenderAsync(db, markdown, request.Body, cancellationToken);
            var thread = DiscussionThread.Start(spaceId, authorId, request.Title, request.Body, rendered.Html, request.SubmissionId, now);
            thread.Posts.Single().Mention(rendered.MentionedMemberIds);
            db.Threads.Add(thread);
            await db.SaveChangesAsync(cancellationToken);

            // Atomic in SQL so concurrent posters never lose an increment, nor move the latest activity back.
            await db.Spaces.Where(s => s.Id == spaceId).ExecuteUpdateAsync(
                s => s.SetProperty(x => x.ThreadCount, x => x.ThreadCount + 1)
                      .SetProperty(x => x.LastActiveThreadId, x => x.LastActivityAt > now ? x.LastActiveThreadId : thread.Id)
                      .SetProperty(x => x.LastActivityAt, x => x.LastActivityAt > now ? x.LastActivityAt : now),
                cancellationToken);

            var opening = thread.Posts.Single();
            await mediator.Publish(
                new ThreadStarted(thread.Id, spaceId, opening.Id, authorId, thread.Title, opening.Body, now, [.. opening.Mentions.Select(m => m.MemberId)]),
                cancellationToken);
            return new Result(thread.Id, request.SpaceSlug);
        }
    }
}

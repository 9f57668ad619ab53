using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Persistence;
using CommunityHub.Application.Common.Posting;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Threads;

/// <summary>The author edits their own post, or a moderator edits anyone's; the version replaced is kept in
/// the post's history. An edit made from an out-of-date version is refused instead of overwriting the other.</summary>
public static class EditPost
{
    public const string ConflictMessage =
        "Someone else changed this post while you were editing it. The current version is shown below: copy what you wrote, then edit again.";

    [Authorize]
    public sealed class Command : ICommand<Result>
    {
        public long PostId { get; set; }

        public string Body { get; set; } = string.Empty;

        /// <summary>The version of the post the edit started from (written into the form).</summary>
        public uint Version { get; set; }
    }

    public sealed record Result(long PostId, long ThreadId, string SpaceSlug);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Body).ValidBody();
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, Drafts drafts, Writers writers, UnitOfWork work, TimeProvider clock)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var editor = currentUser.Viewer();
            var me = editor.MemberId!.Value;
            var handles = drafts.HandlesIn(request.Body);
            var writerRows = writers.Rows;
            var found = await (
                    from p in db.Posts.Where(ConversationPolicy.Actionable<Post>(editor)).Include(p => p.Mentions)
                    join t in db.Threads on p.ThreadId equals t.Id
                    join s in db.Spaces on t.SpaceId equals s.Id
                    where p.Id == request.PostId
                    select new
                    {
                        Post = p,
                        Thread = t,
                        s.Slug,
                        Writer = writerRows.FirstOrDefault(w => w.MemberId == me),
                        Mentioned = db.Members.Where(m => handles.Contains(m.Handle)).Select(m => new MentionedMember(m.Id, m.Handle)).ToList(),
                    })
                .AsSingleQuery()
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Post", request.PostId);

            work.ExpectVersion(found.Post, p => p.Version, request.Version, ConflictMessage);
            var replaced = found.Thread.Edit(found.Post, editor, found.Writer?.Standing, drafts.Draft(request.Body, found.Mentioned, found.Post.SubmissionId), clock.GetUtcNow());
            db.PostRevisions.Add(replaced);
            return new Result(found.Post.Id, found.Thread.Id, found.Slug);
        }
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Concurrency;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Moderation;
using CommunityHub.Domain.Moderation;
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

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IMarkdownRenderer markdown, TimeProvider clock, IMediator mediator, PostingRights rights)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var editorId = currentUser.MemberId!.Value;
            var now = clock.GetUtcNow();
            var post = await db.Posts.Include(p => p.Mentions).FirstOrDefaultAsync(p => p.Id == request.PostId, cancellationToken)
                ?? throw new NotFoundException("Post", request.PostId);
            var thread = await Editing.CheckMayEditAsync(db, currentUser, post, now, cancellationToken, rights);

            OptimisticConcurrency.EnsureUnchanged(post.Version, request.Version, ConflictMessage);

            if (post.Body == request.Body)
            {
                throw PostingRights.Refusal("Nothing changed: edit the text, or go back to the thread.");
            }

            // Mentions are linked again in the new text; a member newly mentioned is recorded (ties are built
            // from what a post said when it was written, so an edit moves none).
            var rendered = await PostBody.RenderAsync(db, markdown, request.Body, cancellationToken);
            var replaced = post.Edit(editorId, request.Body, rendered.Html, now);
            post.Mention(rendered.MentionedMemberIds);
            db.PostRevisions.Add(replaced);
            await db.SaveFromVersionAsync(post, p => p.Version, request.Version, ConflictMessage, cancellationToken);

            await mediator.Publish(new PostEdited(post.ThreadId, post.Id, post.AuthorId, editorId, post.Body, post.IsStaffNote, now), cancellationToken);
            if (post.AuthorId != editorId)
            {
                await mediator.Publish(new PostModerated(editorId, post.Id, post.ThreadId, post.AuthorId, ModerationAction.EditPost, null, now), cancellationToken);
            }

            return new Result(post.Id, post.ThreadId, thread.SpaceSlug);
        }
    }
}

/// <summary>Who may edit a post, shared by the edit form and the edit itself.</summary>
internal static class Editing
{
    public sealed record ThreadOfPost(long Id, string Title, string SpaceSlug);

    /// <param name="rights">Given when saving; none for showing the form: only who may edit is checked there; the post's and
    /// the thread's state, and the editor's suspension, are refused on saving, with the message on the form.</param>
    public static async Task<ThreadOfPost> CheckMayEditAsync(
        ICommunityDb db, ICurrentUser currentUser, Domain.Threads.Post post, DateTimeOffset now, CancellationToken cancellationToken, PostingRights? rights = null)
    {
        var viewer = Viewer.Of(currentUser);
        if (post.DeletedAt is not null || (post.IsStaffNote && !viewer.SeesStaffNotes))
        {
            throw new NotFoundException("Post", post.Id);
        }

        var moderates = currentUser.Moderates();
        if (post.AuthorId != currentUser.MemberId && !moderates)
        {
            throw new ForbiddenException("Only its author or a moderator can edit a post.");
        }

        var thread = await db.Threads.Where(t => t.Id == post.ThreadId)
            .Join(db.Spaces, t => t.SpaceId, s => s.Id, (t, s) => new { t.Id, t.Title, s.Slug, t.IsLocked, t.IsClosed })
            .FirstAsync(cancellationToken);
        if (rights is not null && !moderates)
        {
            await rights.EnsureMayPostAsync(currentUser.MemberId!.Value, now, cancellationToken);
            if (post.HiddenAt is not null)
            {
                throw PostingRights.Refusal("A moderator hid this post, so it cannot be edited. A moderator can restore it.");
            }

            if (thread.IsLocked || thread.IsClosed)
            {
                throw PostingRights.Refusal($"This thread is {(thread.IsLocked ? "locked" : "closed")}, so its posts can no longer be edited.");
            }
        }

        return new ThreadOfPost(thread.Id, thread.Title, thread.Slug);
    }
}

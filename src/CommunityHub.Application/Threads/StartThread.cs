using CommunityHub.Application.Attachments;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Posting;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Tags;
using CommunityHub.Domain.Tags;
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

        /// <summary>Files sent with the form (the plain file input).</summary>
        public IReadOnlyList<Upload> Files { get; set; } = [];

        /// <summary>The poster's own uploads made beforehand by the composer's script, to publish with the post.</summary>
        public IList<Guid> AttachmentIds { get; set; } = [];

        /// <summary>The names of the tags chosen on the form (checkboxes; a field may hold several, comma-separated).</summary>
        public IList<string> Tags { get; set; } = [];
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

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, Drafts drafts, Writers writers, IKeys keys, PostAttachments attachments, Trust.Admission admission, TimeProvider clock)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var author = currentUser.Viewer();
            var me = author.MemberId!.Value;
            var handles = drafts.HandlesIn(request.Body);
            var writerRows = writers.Rows;
            var tagNames = ThreadTagging.Names(request.Tags);
            // Everything the start needs, in one statement: the space, an earlier copy of this form, the writer, the mentions.
            var context = await db.Spaces.AsNoTracking()
                .Where(s => s.Slug == request.SpaceSlug)
                .Where(ConversationPolicy.SpaceOpenTo(author))
                .Select(s => new
                {
                    s.Id,
                    s.Slug,
                    s.Name,
                    s.IsIdeas,
                    Earlier = db.Posts.Where(p => p.AuthorId == me && p.SubmissionId == request.SubmissionId && p.IsOpeningPost)
                        .Select(p => (long?)p.ThreadId).FirstOrDefault(),
                    Writer = writerRows.FirstOrDefault(w => w.MemberId == me),
                    Mentioned = db.Members.Where(m => handles.Contains(m.Handle)).Select(m => new MentionedMember(m.Id, m.Handle)).ToList(),
                    // The groups the same handles name (@beta), in the same statement: whether the author may tell them is the draft's.
                    MentionedGroups = db.Groups.Where(g => g.MentionHandle != null && handles.Contains(g.MentionHandle))
                        .Select(g => new MentionedGroup(g.Id, g.MentionHandle!, g.MentionableBy, g.Members.Any(x => x.MemberId == me))).ToList(),
                    // The tags named on the form, and the tag groups this space requires (an empty list for most spaces).
                    Tags = db.Tags.Where(t => tagNames.Contains(t.Name)).Select(t => new TagChoice(t.Id, t.Name, t.GroupId)).ToList(),
                    Required = db.TagGroups.Where(g => g.RequiredIn.Any(r => r.SpaceId == s.Id)).Select(g => new RequiredTagGroup(g.Id, g.Name)).ToList(),
                })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Space", request.SpaceSlug);
            if (context.Earlier is { } existingThreadId)
            {
                // The same form sent twice (a double click, a refresh): the thread exists already.
                return new Result(existingThreadId, context.Slug);
            }

            var writer = context.Writer ?? throw new NotFoundException("Member", me);
            var tags = ThreadTagging.Known(tagNames, context.Tags);
            // The standing first (a suspended member hears why), then the trust level's limits and the spam check.
            writer.Standing.ToWrite(clock.GetUtcNow()).Enforce();
            var admitted = await admission.AdmitAsync(
                new Trust.Submission(author, writer, request.Title, request.Body, request.Files.Count + request.AttachmentIds.Count, IsNewThread: true, ThreadId: null), cancellationToken);
            var files = await attachments.GatherAsync(me, request.Files, [.. request.AttachmentIds], cancellationToken);
            var (threadId, openingPostId) = await keys.NewThreadAsync(cancellationToken);
            var thread = DiscussionThread.Start(
                threadId,
                openingPostId,
                context.Id,
                author,
                writer.Standing,
                request.Title,
                drafts.Draft(admitted.Body, context.Mentioned, request.SubmissionId, author, context.MentionedGroups),
                new PostPlace(context.Id, context.Slug, context.Name, writer.DisplayName, context.IsIdeas),
                clock.GetUtcNow(),
                admitted.HeldBecause);
            if (tags.Count > 0 || context.Required.Count > 0)
            {
                thread.Retag(author, tags, context.Required);
            }

            db.Threads.Add(thread);
            for (var i = 0; i < files.Count; i++)
            {
                files[i].AttachTo(openingPostId, i, me, thread.CreatedAt);
            }

            return new Result(thread.Id, context.Slug);
        }
    }
}

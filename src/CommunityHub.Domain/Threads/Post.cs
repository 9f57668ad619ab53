using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Reciprocity;

namespace CommunityHub.Domain.Threads;

/// <summary>One message in a thread: the opening post or a reply. The body is Markdown; its rendered,
/// sanitised HTML is stored beside it so reading never renders.</summary>
public sealed class Post : AggregateRoot, IPostState
{
    private readonly List<PostMention> _mentions = [];

    private Post(Guid authorId, string body, string bodyHtml, Guid submissionId, DateTimeOffset createdAt)
    {
        AuthorId = authorId;
        Body = body;
        BodyHtml = bodyHtml;
        SubmissionId = submissionId;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long ThreadId { get; private set; }

    /// <summary>The thread, for the policy's query expressions to reach the post's space; never loaded to change.</summary>
    public DiscussionThread? Thread { get; private set; }

    public Guid AuthorId { get; private set; }

    public string Body { get; private set; }

    public string BodyHtml { get; private set; }

    public bool IsOpeningPost { get; private set; }

    /// <summary>The earlier reply this one answers, if any: who answered whom.</summary>
    public long? InReplyToPostId { get; private set; }

    /// <summary>Identifies the form submission that created the post, so a second submit of the same form is recognised.</summary>
    public Guid SubmissionId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A note among the company's people inside a public thread: never shown to members.</summary>
    public bool IsStaffNote { get; private set; }

    /// <summary>Set when a moderator hides the post; its author still sees it, with the reason.</summary>
    public DateTimeOffset? HiddenAt { get; private set; }

    public string? HiddenReason { get; private set; }

    /// <summary>Set when the author deletes their reply: the row stays (replies to it keep their context), shown as removed.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>When the body last changed after posting; null for a post never edited.</summary>
    public DateTimeOffset? EditedAt { get; private set; }

    /// <summary>Whom the post answers, by <see cref="Ties.TieRules.Addressee"/>: decided when the post is written.</summary>
    public Guid? AddressedToId { get; private set; }

    public IReadOnlyCollection<PostMention> Mentions => _mentions;

    /// <summary>The groups whose members this post's @group mentions tell, decided when it was written (so an approval
    /// later tells them too). Not personal address: they are no <see cref="PostMention"/> and move no tie.</summary>
    public IReadOnlyList<int> MentionedGroupIds { get; private set; } = [];

    /// <summary>Stored but not published until a moderator approves it (a new member's first posts, or what the
    /// filter caught): only its author and moderators meet it, and nothing it would cause (notifications, ties,
    /// counters) happens before the approval.</summary>
    public bool AwaitingApproval { get; private set; }

    /// <summary>Why the post waits (the level's rule, the filter's and the spam scorer's reasons), for moderators;
    /// once rejected, the moderator's reason, for its author.</summary>
    public string? ApprovalNote { get; private set; }

    /// <summary>When a moderator turned the post down (it stays awaiting approval, and removed, for good).</summary>
    public DateTimeOffset? RejectedAt { get; private set; }

    /// <summary>Optimistic concurrency token (PostgreSQL's xmin): two edits from the same version cannot both win.</summary>
    public uint Version { get; private set; }

    /// <summary>Someone other than the author thanks, reacts to, or says this post helped them.</summary>
    public ReciprocityRecord Acknowledge(Viewer by, ReciprocityKind kind, string? reaction, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (kind == ReciprocityKind.AcceptedAnswer)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "An answer is accepted through its thread.");
        }

        ConversationPolicy.Acknowledge(by, this, kind).Enforce();
        var from = by.MemberId!.Value;
        return ReciprocityRecord.Give(kind, Id, ThreadId, from, AuthorId, from, now, reaction);
    }

    internal static Post Opening(long id, long threadId, Guid authorId, PostDraft draft, DateTimeOffset now)
    {
        var post = Create(id, threadId, authorId, draft, now);
        post.IsOpeningPost = true;
        return post;
    }

    internal static Post Reply(long id, long threadId, Guid authorId, PostDraft draft, long? inReplyToPostId, bool isStaffNote, Guid? addressedToId, DateTimeOffset now)
    {
        var post = Create(id, threadId, authorId, draft, now);
        post.InReplyToPostId = inReplyToPostId;
        post.IsStaffNote = isStaffNote;
        post.AddressedToId = addressedToId;
        return post;
    }

    /// <summary>Replaces the body and returns the version it replaced, for the post's edit history. Members newly
    /// @mentioned are recorded (ties are built from what a post said when it was written, so an edit moves none).</summary>
    internal PostRevision Edit(Guid editorId, PostDraft draft, DateTimeOffset now)
    {
        CheckBody(draft.Body);
        if (draft.Body == Body)
        {
            throw new DomainException("Nothing changed: edit the text, or go back to the thread.");
        }

        var replaced = PostRevision.Of(this, editorId, now);
        Body = draft.Body;
        BodyHtml = draft.BodyHtml;
        EditedAt = now;
        Mention(draft.Mentioned);
        return replaced;
    }

    internal void HoldForApproval(string reasons)
    {
        AwaitingApproval = true;
        ApprovalNote = Guard.Text(reasons, PostLimits.ApprovalNoteMaxLength, "A reason");
    }

    internal void Approve()
    {
        AwaitingApproval = false;
        ApprovalNote = null;
    }

    /// <summary>A rejected post stays its author's alone (still awaiting nothing: removed), with the moderator's reason.</summary>
    internal void Reject(string reason, DateTimeOffset now)
    {
        ApprovalNote = Guard.Text(reason, PostLimits.ModerationReasonMaxLength, "A reason");
        RejectedAt = now;
        DeletedAt = now;
    }

    /// <summary>Deleting twice changes nothing: the first time is kept.</summary>
    internal void Delete(DateTimeOffset now) => DeletedAt ??= now;

    internal void Hide(string reason, DateTimeOffset now)
    {
        HiddenReason = Guard.Text(reason, PostLimits.ModerationReasonMaxLength, "A reason");
        HiddenAt = now;
    }

    internal void Restore()
    {
        HiddenAt = null;
        HiddenReason = null;
    }

    private void Mention(IEnumerable<Guid> memberIds)
    {
        foreach (var memberId in memberIds.Where(m => m != AuthorId).Distinct().Where(m => _mentions.TrueForAll(x => x.MemberId != m)))
        {
            _mentions.Add(new PostMention(Id, memberId));
        }
    }

    private static Post Create(long id, long threadId, Guid authorId, PostDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (authorId == Guid.Empty)
        {
            throw new DomainException("A post needs an author.");
        }

        if (draft.SubmissionId == Guid.Empty)
        {
            throw new DomainException("A post needs the id of the form submission that created it.");
        }

        CheckBody(draft.Body);
        var post = new Post(authorId, draft.Body, draft.BodyHtml, draft.SubmissionId, now) { Id = id, ThreadId = threadId };
        post.Mention(draft.Mentioned);
        post.MentionedGroupIds = [.. (draft.MentionedGroups ?? []).Distinct()];
        return post;
    }

    private static void CheckBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new DomainException("A post cannot be empty.");
        }

        if (body.Length > PostLimits.BodyMaxLength)
        {
            throw new DomainException($"A post cannot be longer than {PostLimits.BodyMaxLength} characters.");
        }
    }
}

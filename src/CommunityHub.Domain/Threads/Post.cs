using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Threads;

/// <summary>One message in a thread: the opening post or a reply. The body is Markdown; its rendered,
/// sanitised HTML is stored beside it so reading never renders.</summary>
public sealed class Post
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

    /// <summary>Whom the post answers, by <see cref="Ties.TieRules.Addressee"/>: set by the tie bookkeeping when the post is written.</summary>
    public Guid? AddressedToId { get; private set; }

    public IReadOnlyCollection<PostMention> Mentions => _mentions;

    /// <summary>Records the members this post @mentions (written with the post).</summary>
    public void Mention(IEnumerable<Guid> memberIds)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        foreach (var memberId in memberIds.Where(m => m != AuthorId).Distinct().Where(m => _mentions.TrueForAll(x => x.MemberId != m)))
        {
            _mentions.Add(new PostMention(Id, memberId));
        }
    }
    /// <summary>Optimistic concurrency token (PostgreSQL's xmin): two edits from the same version cannot both win.</summary>
    public uint Version { get; private set; }
    /// <summary>The author takes back their reply. The row stays so replies to it keep their context; pages
    /// show it as removed and lists (search, feeds, notifications) leave it out. Deleting twice changes nothing.</summary>
    public void DeleteByAuthor(Guid memberId, DateTimeOffset now)
    {
        if (memberId != AuthorId)
        {
            throw new DomainException("Only its author can delete a post.");
        }

        if (IsOpeningPost)
        {
            throw new DomainException("An opening post cannot be deleted on its own: it carries the thread.");
        }

        DeletedAt ??= now;
    }

    internal static Post Opening(Guid authorId, string body, string bodyHtml, Guid submissionId, DateTimeOffset now)
    {
        var post = Create(authorId, body, bodyHtml, submissionId, now);
        post.IsOpeningPost = true;
        return post;
    }

    public static Post Reply(long threadId, Guid authorId, string body, string bodyHtml, long? inReplyToPostId, Guid submissionId, DateTimeOffset now, bool isStaffNote = false)
    {
        var post = Create(authorId, body, bodyHtml, submissionId, now);
        post.ThreadId = threadId;
        post.InReplyToPostId = inReplyToPostId;
        post.IsStaffNote = isStaffNote;
        return post;
    }

    /// <summary>Replaces the body and returns the version it replaced, for the post's edit history.</summary>
    public PostRevision Edit(Guid editorId, string body, string bodyHtml, DateTimeOffset now)
    {
        CheckBody(body);
        if (body == Body)
        {
            throw new DomainException("The post is unchanged.");
        }

        var replaced = PostRevision.Of(this, editorId, now);
        Body = body;
        BodyHtml = bodyHtml;
        EditedAt = now;
        return replaced;
    }

    /// <summary>A moderator hides a reply; the reason is shown to its author.</summary>
    public void Hide(string reason, DateTimeOffset now)
    {
        if (IsOpeningPost)
        {
            throw new DomainException("An opening post cannot be hidden; lock or close the thread instead.");
        }

        if (HiddenAt is not null)
        {
            throw new DomainException("The post is hidden already.");
        }

        HiddenReason = Guard.Text(reason, PostLimits.ModerationReasonMaxLength, "A reason");
        HiddenAt = now;
    }

    public void Restore()
    {
        if (HiddenAt is null)
        {
            throw new DomainException("The post is not hidden.");
        }

        HiddenAt = null;
        HiddenReason = null;
    }

    private static Post Create(Guid authorId, string body, string bodyHtml, Guid submissionId, DateTimeOffset now)
    {
        if (authorId == Guid.Empty)
        {
            throw new DomainException("A post needs an author.");
        }

        if (submissionId == Guid.Empty)
        {
            throw new DomainException("A post needs the id of the form submission that created it.");
        }

        CheckBody(body);
        return new Post(authorId, body, bodyHtml, submissionId, now);
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

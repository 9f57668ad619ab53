using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Trust;

namespace CommunityHub.Domain.Threads;

/// <summary>A conversation in a space: a title, an opening post and replies. Named to avoid
/// <see cref="System.Threading.Thread"/>; the UI and URLs say "thread". The thread guards the conversation:
/// every change to it or to one of its posts goes through a method here that asks <see cref="ConversationPolicy"/>,
/// changes the state, and records what happened.</summary>
public sealed partial class DiscussionThread : AggregateRoot, IThreadState
{
    private readonly List<Post> _posts = [];

    // Also EF Core's constructor: parameter names match the properties they set.
    private DiscussionThread(long id, int spaceId, string title, Guid authorId, DateTimeOffset createdAt)
    {
        Id = id;
        SpaceId = spaceId;
        Title = title;
        AuthorId = authorId;
        CreatedAt = createdAt;
        LastActivityAt = createdAt;
        LastPosterId = authorId;
    }

    public long Id { get; private set; }

    public int SpaceId { get; private set; }

    /// <summary>The space, for the policy's query expressions (who may enter it); never loaded to change.</summary>
    public Spaces.Space? Space { get; private set; }

    public string Title { get; private set; }

    public Guid AuthorId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsPinned { get; private set; }

    /// <summary>A moderator froze the conversation: only moderators (and staff notes) may still post.</summary>
    public bool IsLocked { get; private set; }

    /// <summary>The conversation is over: nobody replies until a moderator reopens it.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>The reply the company's people marked as the official answer (distinct from the asker's accepted answer).</summary>
    public long? OfficialAnswerPostId { get; private set; }

    // Denormalised for the space's thread list. Replies to one thread are written one at a time (the write path
    // holds the thread's row lock), so the counters move here; RecountCounters can rebuild them from the posts.
    public int ReplyCount { get; private set; }

    public DateTimeOffset LastActivityAt { get; private set; }

    public Guid LastPosterId { get; private set; }

    /// <summary>The opening post, for a thread just started; replies are written on their own.</summary>
    public IReadOnlyCollection<Post> Posts => _posts;

    /// <summary>The reply the starter (or a moderator) accepted as the answer; a thread with one is solved.</summary>
    public long? AcceptedAnswerPostId { get; private set; }

    /// <summary>The thread's opening post waits for approval: the thread is unlisted for everyone but its author and
    /// moderators until a moderator approves it.</summary>
    public bool AwaitingApproval { get; private set; }

    /// <summary>Starts a thread with id <paramref name="id"/> and its opening post <paramref name="openingPostId"/>
    /// (handed out before writing, so that everything the start causes can refer to both).</summary>
    /// <param name="heldBecause">Why the opening post waits for a moderator's approval; null to publish it at once.
    /// A held thread records <see cref="PostHeld"/> instead of <see cref="ThreadStarted"/>: nothing the start would
    /// cause happens before the approval.</param>
    public static DiscussionThread Start(long id, long openingPostId, int spaceId, Viewer author, Standing standing, string title, PostDraft draft, PostPlace place, DateTimeOffset now, string? heldBecause = null)
    {
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(draft);
        ConversationPolicy.StartThread(author, standing, now).Enforce();
        var thread = new DiscussionThread(id, spaceId, Guard.Text(title, PostLimits.TitleMaxLength, "A title"), author.MemberId!.Value, now);
        var opening = Post.Opening(openingPostId, id, thread.AuthorId, draft, now);
        thread._posts.Add(opening);
        if (heldBecause is not null)
        {
            opening.HoldForApproval(heldBecause);
            thread.AwaitingApproval = true;
            thread.Record(new PostHeld(thread.Id, opening.Id, opening.AuthorId, now));
            return thread;
        }

        thread.Record(new ThreadStarted(thread, opening, place, now));
        return thread;
    }

    /// <summary>Writes a reply (or, for the staff side, a staff note) as post <paramref name="postId"/>, placed in the
    /// conversation by what the thread held before it (<paramref name="soFar"/>, read under the thread's lock). A
    /// staff note is invisible to members: it moves no counter and builds no tie.</summary>
    /// <param name="heldBecause">Why the reply waits for a moderator's approval (never a staff note); null to publish it
    /// at once. A held reply moves no counter and records <see cref="PostHeld"/>; <see cref="Approve"/> does the rest.</param>
    public Post Reply(long postId, Viewer author, Standing standing, PostDraft draft, long? inReplyToPostId, bool asStaffNote, ThreadSoFar soFar, PostPlace place, DateTimeOffset now, string? heldBecause = null)
    {
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(soFar);
        ConversationPolicy.Reply(author, this, asStaffNote, standing, now).Enforce();
        var authorId = author.MemberId!.Value;
        var placement = asStaffNote
            ? new ReplyPlacement(null, null, soFar.Parent?.AuthorId, soFar.EarlierParticipants, AuthorIsNewParticipant: false)
            : ReplyPlacement.Of(authorId, AuthorId, soFar);
        var reply = Post.Reply(postId, Id, authorId, draft, inReplyToPostId, asStaffNote, placement.AddresseeId, now);
        if (heldBecause is not null && !asStaffNote)
        {
            reply.HoldForApproval(heldBecause);
            Record(new PostHeld(Id, reply.Id, authorId, now));
            return reply;
        }

        Published(reply, place, soFar, placement, now);
        return reply;
    }

    private void Published(Post reply, PostPlace place, ThreadSoFar soFar, ReplyPlacement placement, DateTimeOffset at)
    {
        if (!reply.IsStaffNote)
        {
            ReplyCount++;
            // A reply written earlier but committed after a later one never moves the latest activity back.
            if (at >= LastActivityAt)
            {
                LastActivityAt = at;
                LastPosterId = reply.AuthorId;
            }
        }

        Record(new ReplyPosted(this, reply, place, soFar, placement, at));
    }

    /// <summary>A moderator publishes a post that waited, with its original time; then everything its writing would
    /// have caused happens (the counters here, and the subscribers of <see cref="ThreadStarted"/> or
    /// <see cref="ReplyPosted"/>: notifications, watching, ties, the space's counters). A reply is placed in the
    /// conversation by what the thread held before it (<paramref name="soFar"/>, read under the thread's lock), as if
    /// it had been published when it was written.</summary>
    public void Approve(Post post, Viewer moderator, ThreadSoFar soFar, PostPlace place, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(soFar);
        EnsureOwn(post);
        ConversationPolicy.Approve(moderator, post).Enforce();
        post.Approve();
        if (post.IsOpeningPost)
        {
            AwaitingApproval = false;
            Record(new ThreadStarted(this, post, place, post.CreatedAt));
        }
        else
        {
            Published(post, place, soFar, ReplyPlacement.Of(post.AuthorId, AuthorId, soFar), post.CreatedAt);
        }

        Record(new PostModerated(moderator.MemberId!.Value, post.Id, Id, post.AuthorId, ModerationAction.ApprovePost, null, now));
    }

    /// <summary>A moderator turns down a post that waited: it is never published, and its author is told why.</summary>
    public void Reject(Post post, Viewer moderator, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(post);
        EnsureOwn(post);
        ConversationPolicy.Approve(moderator, post).Enforce();
        post.Reject(reason, now);
        Record(new PostModerated(moderator.MemberId!.Value, post.Id, Id, post.AuthorId, ModerationAction.RejectPost, post.ApprovalNote, now));
    }

    /// <summary>A Leader's flag hides a reply at once, pending a moderator's review (the flag stays open: a moderator
    /// restores the post or upholds the flag).</summary>
    public void HideOnLeadersFlag(Post reply, Guid leaderId, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reply);
        EnsureOwn(reply);
        if (reply.IsOpeningPost || reply.HiddenAt is not null || reply.DeletedAt is not null || reply.AwaitingApproval)
        {
            return;
        }

        var note = $"Hidden on a trusted member's flag until a moderator reviews it: {reason}";
        reply.Hide(note.Length > PostLimits.ModerationReasonMaxLength ? note[..PostLimits.ModerationReasonMaxLength] : note, now);
        if (OfficialAnswerPostId == reply.Id)
        {
            OfficialAnswerPostId = null;
        }

        Record(new PostModerated(leaderId, reply.Id, Id, reply.AuthorId, ModerationAction.HidePostOnLeadersFlag, reason, now));
    }

    /// <summary>The author, or a moderator, edits a post of this thread; the version it replaces is returned for the history.</summary>
    public PostRevision Edit(Post post, Viewer editor, Standing? standing, PostDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(draft);
        EnsureOwn(post);
        ConversationPolicy.Edit(editor, this, post, editor.Moderates ? null : standing ?? throw new ArgumentNullException(nameof(standing)), now).Enforce();
        var editorId = editor.MemberId!.Value;
        var replaced = post.Edit(editorId, draft, now);
        Record(new PostEdited(post, editorId, now));
        if (editorId != post.AuthorId)
        {
            Record(new PostModerated(editorId, post.Id, Id, post.AuthorId, ModerationAction.EditPost, null, now));
        }

        return replaced;
    }

    /// <summary>The author takes back a reply: it stays in place as "removed", and is nobody's answer any more.</summary>
    public void DeleteReply(Post reply, Viewer by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reply);
        EnsureOwn(reply);
        ConversationPolicy.Delete(by, reply).Enforce();
        reply.Delete(now);
        ForgetAsAnswer(reply);
    }

    /// <summary>A moderator hides a reply with a reason its author sees; a hidden reply is no official answer.</summary>
    public void Hide(Post reply, Viewer moderator, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(moderator);
        EnsureOwn(reply);
        ConversationPolicy.Hide(moderator, reply).Enforce();
        reply.Hide(reason, now);
        if (OfficialAnswerPostId == reply.Id)
        {
            OfficialAnswerPostId = null;
        }

        Record(new PostModerated(moderator.MemberId!.Value, reply.Id, Id, reply.AuthorId, ModerationAction.HidePost, reply.HiddenReason, now));
    }

    public void Restore(Post reply, Viewer moderator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(moderator);
        EnsureOwn(reply);
        ConversationPolicy.Restore(moderator, reply).Enforce();
        reply.Restore();
        Record(new PostModerated(moderator.MemberId!.Value, reply.Id, Id, reply.AuthorId, ModerationAction.RestorePost, null, now));
    }

    /// <summary>The starter (or a moderator for them) accepts <paramref name="reply"/> as the answer, replacing
    /// <paramref name="current"/> (which is taken back). Returns the new record of help, or null when it was the answer already.</summary>
    public ReciprocityRecord? AcceptAnswer(Post reply, Viewer by, ReciprocityRecord? current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(by);
        EnsureOwn(reply);
        ConversationPolicy.ChooseAnswer(by, this).Enforce();
        if (current is not null && current.PostId == reply.Id && AcceptedAnswerPostId == reply.Id)
        {
            return null;
        }

        ConversationPolicy.Accept(by, this, reply).Enforce();
        current?.Retract(now);
        AcceptedAnswerPostId = reply.Id;
        return ReciprocityRecord.Give(ReciprocityKind.AcceptedAnswer, reply.Id, Id, AuthorId, reply.AuthorId, by.MemberId!.Value, now);
    }

    /// <summary>The starter (or a moderator) clears the accepted answer; its record of help is taken back.</summary>
    public void ClearAnswer(Viewer by, ReciprocityRecord? current, DateTimeOffset now)
    {
        ConversationPolicy.ChooseAnswer(by, this).Enforce();
        current?.Retract(now);
        AcceptedAnswerPostId = null;
    }

    public void MarkOfficialAnswer(Post reply, Viewer by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(by);
        EnsureOwn(reply);
        ConversationPolicy.MarkOfficial(by, reply).Enforce();
        OfficialAnswerPostId = reply.Id;
        Record(new OfficialAnswerMarked(this, reply, by.MemberId!.Value, now));
    }

    public void ClearOfficialAnswer(Viewer by)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!by.SpeaksForTheCompany)
        {
            throw new ForbiddenException("Only staff, executives and admins change the official answer.");
        }

        OfficialAnswerPostId = null;
    }

    public void Pin(Viewer moderator, string? reason, DateTimeOffset now) =>
        Change(moderator, IsPinned, "pinned", () => IsPinned = true, ModerationAction.PinThread, reason, now);

    public void Unpin(Viewer moderator, string? reason, DateTimeOffset now) =>
        Change(moderator, !IsPinned, "not pinned", () => IsPinned = false, ModerationAction.UnpinThread, reason, now);

    public void Lock(Viewer moderator, string? reason, DateTimeOffset now) =>
        Change(moderator, IsLocked, "locked", () => IsLocked = true, ModerationAction.LockThread, reason, now);

    public void Unlock(Viewer moderator, string? reason, DateTimeOffset now) =>
        Change(moderator, !IsLocked, "not locked", () => IsLocked = false, ModerationAction.UnlockThread, reason, now);

    public void Close(Viewer moderator, string? reason, DateTimeOffset now) =>
        Change(moderator, IsClosed, "closed", () => IsClosed = true, ModerationAction.CloseThread, reason, now);

    public void Reopen(Viewer moderator, string? reason, DateTimeOffset now) =>
        Change(moderator, !IsClosed, "open", () => IsClosed = false, ModerationAction.ReopenThread, reason, now);

    /// <summary>The starter, a Leader, staff or a moderator (<see cref="ConversationPolicy.Retitle"/>) gives the thread a
    /// clearer title. Anyone but the starter doing it lands in the audit log (with the title it had), and the starter hears of it.</summary>
    /// <param name="level">The editor's trust level, read in the use case's query.</param>
    public void Retitle(Viewer by, TrustLevel level, string title, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        ConversationPolicy.Retitle(by, this, level).Enforce();
        var wanted = Guard.Text(title, PostLimits.TitleMaxLength, "A title");
        if (string.Equals(wanted, Title, StringComparison.Ordinal))
        {
            throw new DomainException("That is the thread's title already.");
        }

        var was = Title;
        Title = wanted;
        if (!by.Is(AuthorId))
        {
            Record(new ThreadModerated(by.MemberId!.Value, Id, AuthorId, ModerationAction.RetitleThread, null, $"was \u201c{was}\u201d", now));
        }
    }

    /// <summary>A moderator moves the thread to the space where it belongs (named in the audit log).</summary>
    public void MoveTo(int spaceId, string spaceName, Viewer moderator, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(moderator);
        ConversationPolicy.Moderate(moderator).Enforce();
        if (spaceId == SpaceId)
        {
            throw new DomainException("The thread is in that space already.");
        }

        var from = SpaceId;
        SpaceId = spaceId;
        Record(new ThreadMoved(this, from, spaceId));
        Record(new ThreadModerated(moderator.MemberId!.Value, Id, AuthorId, ModerationAction.MoveThread, reason, $"to {spaceName}", now));
    }

    private void Change(Viewer moderator, bool isAlready, string state, Action apply, ModerationAction logged, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(moderator);
        ConversationPolicy.Moderate(moderator).Enforce();
        if (isAlready)
        {
            // Two moderators pressed the same button: the second one's page was out of date.
            throw new DomainException($"The thread is {state} already.");
        }

        apply();
        Record(new ThreadModerated(moderator.MemberId!.Value, Id, AuthorId, logged, reason, null, now));
    }

    private void ForgetAsAnswer(Post reply)
    {
        if (OfficialAnswerPostId == reply.Id)
        {
            OfficialAnswerPostId = null;
        }

        if (AcceptedAnswerPostId == reply.Id)
        {
            AcceptedAnswerPostId = null;
        }
    }

    private void EnsureOwn(Post post)
    {
        if (post.ThreadId != Id)
        {
            throw new DomainException("That post is not in this thread.");
        }
    }
}

using System.Collections.Concurrent;
using System.Linq.Expressions;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Trust;

namespace CommunityHub.Domain.Threads;

/// <summary>Who may see and do what in a conversation: the one home of these rules. Aggregates enforce them on
/// every change, queries filter with the visibility expressions and hand pages the answers as flags
/// (<see cref="PostPermissions"/>, <see cref="ThreadPermissions"/>), so no view and no handler spells a rule again.</summary>
public static class ConversationPolicy
{
    private static readonly ConcurrentDictionary<(Type, Powers, bool), Delegate> Compiled = new();

    // ---- Seeing ----

    /// <summary>Which posts a viewer meets on a thread page: every one but a staff note, which only the staff side
    /// reads, and a post awaiting approval, which only its author (marked "awaiting approval") and moderators meet.
    /// Hidden and deleted posts stay in place as placeholders (see <see cref="MayReadBody"/>).</summary>
    /// <param name="spaceEntered">The query has already established that the viewer may enter the thread's space
    /// (the thread page's header joins <see cref="SpaceOpenTo"/>, and nothing is read when it finds no thread): the
    /// space is then not asked again for every post of the page.</param>
    public static Expression<Func<TPost, bool>> OnThreadPage<TPost>(Viewer viewer, bool spaceEntered = false)
        where TPost : IPostState
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var staffSide = viewer.IsStaffSide;
        var moderates = viewer.Moderates;
        var me = viewer.MemberId;
        Expression<Func<TPost, bool>> rule = p => (staffSide || !p.IsStaffNote) && (!p.AwaitingApproval || moderates || p.AuthorId == me);
        return spaceEntered ? rule : InOpenSpace(viewer, rule);
    }

    /// <summary>Which posts a viewer may find quoted out of their thread (search, feeds, notifications, digests,
    /// profiles, the staff dashboard): never a deleted one, never one awaiting approval (moderators meet those in their
    /// queue, authors on the thread page), a staff note only for the staff side, a hidden one only for moderators.</summary>
    public static Expression<Func<TPost, bool>> Listed<TPost>(Viewer viewer)
        where TPost : IPostState
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var staffSide = viewer.IsStaffSide;
        var moderates = viewer.Moderates;
        return InOpenSpace<TPost>(viewer, p => p.DeletedAt == null && !p.AwaitingApproval && (staffSide || !p.IsStaffNote) && (moderates || p.HiddenAt == null));
    }

    /// <summary>Whose earlier versions the viewer may read (a post's edit history): a staff note only the staff
    /// side, a hidden post only moderators and its author, a deleted one only moderators, reviewing what was removed.</summary>
    public static Expression<Func<TPost, bool>> Reviewable<TPost>(Viewer viewer)
        where TPost : IPostState
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var staffSide = viewer.IsStaffSide;
        var moderates = viewer.Moderates;
        var me = viewer.MemberId;
        return InOpenSpace<TPost>(viewer, p => (staffSide || !p.IsStaffNote)
            && (moderates || p.DeletedAt == null)
            && (moderates || p.HiddenAt == null || p.AuthorId == me)
            && (moderates || !p.AwaitingApproval || p.AuthorId == me));
    }

    /// <summary>Which posts the viewer may open to act on (edit, flag): not a deleted one, and a staff note only on
    /// the staff side (whether they may then act is <see cref="Edit"/>'s or <see cref="Flag"/>'s to say).</summary>
    public static Expression<Func<TPost, bool>> Actionable<TPost>(Viewer viewer)
        where TPost : IPostState
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var staffSide = viewer.IsStaffSide;
        var moderates = viewer.Moderates;
        var me = viewer.MemberId;
        return InOpenSpace<TPost>(viewer, p => p.DeletedAt == null && (staffSide || !p.IsStaffNote) && (!p.AwaitingApproval || moderates || p.AuthorId == me));
    }

    /// <summary>The posts members take part in, which counters and the ties count: every published post but a staff
    /// note (hidden and deleted posts keep their place in the conversation; one awaiting approval has none yet).</summary>
    public static Expression<Func<TPost, bool>> InTheConversation<TPost>()
        where TPost : IPostState => p => !p.IsStaffNote && !p.AwaitingApproval;

    /// <summary>The posts nobody removed (neither hidden nor deleted), which may stand for the thread outside the
    /// conversation's own order: the accepted answer shown under the question.</summary>
    public static Expression<Func<TPost, bool>> Intact<TPost>()
        where TPost : IPostState => p => p.HiddenAt == null && p.DeletedAt == null && !p.AwaitingApproval;

    // ---- Private spaces ----

    /// <summary>Which spaces the viewer may enter: a space open to everyone; a members-only one (see
    /// <see cref="Space.OpenTo"/>) when they are signed in; one restricted to groups when they are in one of them; the
    /// staff side enters every space. A space the viewer may not enter does not exist for them: not listed, its threads
    /// and posts found nowhere, its pages a 404.</summary>
    public static Expression<Func<Space, bool>> SpaceOpenTo(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var staffSide = viewer.IsStaffSide;
        var signedIn = viewer.IsSignedIn;
        var me = viewer.MemberId;
        return s => staffSide || ((signedIn || !s.MembersOnly) && (!s.Access.Any() || s.Access.Any(a => a.Group!.Members.Any(m => m.MemberId == me))));
    }

    /// <summary>Threads in a space the viewer may enter (<see cref="SpaceOpenTo"/>): for thread lists and feeds. A thread
    /// whose opening post awaits approval is open only to its author and moderators.</summary>
    public static Expression<Func<DiscussionThread, bool>> ThreadOpenTo(Viewer viewer)
    {
        var open = Through<DiscussionThread>(t => t.Space!, SpaceOpenTo(viewer));
        var moderates = viewer.Moderates;
        var me = viewer.MemberId;
        Expression<Func<DiscussionThread, bool>> approved = t => !t.AwaitingApproval || moderates || t.AuthorId == me;
        var thread = open.Parameters[0];
        return Expression.Lambda<Func<DiscussionThread, bool>>(Expression.AndAlso(open.Body, Replace(approved.Body, approved.Parameters[0], thread)), thread);
    }

    /// <summary>Which of a space's threads its thread list shows the viewer: not one whose opening post awaits
    /// approval (its author finds it through their notifications and the moderators in their queue).</summary>
    public static Expression<Func<DiscussionThread, bool>> ListedInSpace() => t => !t.AwaitingApproval;

    /// <summary><see cref="SpaceOpenTo"/> for a space in hand: <paramref name="spaceGroups"/> are the groups it is
    /// restricted to (none: open to everyone, or to signed-in members when <paramref name="membersOnly"/>),
    /// <paramref name="viewersGroups"/> the groups the viewer is in.</summary>
    public static bool MayEnter(Viewer viewer, IReadOnlyCollection<int> spaceGroups, IReadOnlyCollection<int> viewersGroups, bool membersOnly = false)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(spaceGroups);
        ArgumentNullException.ThrowIfNull(viewersGroups);
        return viewer.IsStaffSide
            || (spaceGroups.Count == 0 && (viewer.IsSignedIn || !membersOnly))
            || (viewer.IsSignedIn && spaceGroups.Any(viewersGroups.Contains));
    }

    /// <summary>A stored post is seen only in a space the viewer may enter; it reaches its space through its thread.
    /// A post in hand (an <see cref="IPostState"/> value, as <see cref="IsListed"/> judges it) is judged where it
    /// stands, and its space by <see cref="MayEnter"/>.</summary>
    private static Expression<Func<TPost, bool>> InOpenSpace<TPost>(Viewer viewer, Expression<Func<TPost, bool>> rule)
        where TPost : IPostState
    {
        if (typeof(TPost) != typeof(Post))
        {
            return rule;
        }

        var open = Through<Post>(p => p.Thread!.Space!, SpaceOpenTo(viewer));
        var post = rule.Parameters[0];
        return Expression.Lambda<Func<TPost, bool>>(Expression.AndAlso(rule.Body, Replace(open.Body, open.Parameters[0], post)), post);
    }

    /// <summary>A rule about a space applied to whatever leads to one (a thread, a post).</summary>
    private static Expression<Func<T, bool>> Through<T>(Expression<Func<T, Space>> place, Expression<Func<Space, bool>> rule)
    {
        var body = Replace(rule.Body, rule.Parameters[0], place.Body);
        return Expression.Lambda<Func<T, bool>>(body, place.Parameters[0]);
    }

    private static Expression Replace(Expression body, ParameterExpression from, Expression to) => new Substitution(from, to).Visit(body);

    private sealed class Substitution(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary><see cref="Listed{TPost}"/> for a post in hand (the notifier's recipients, say).</summary>
    public static bool IsListed(Viewer viewer, IPostState post)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var rule = (Func<IPostState, bool>)Compiled.GetOrAdd(
            (typeof(IPostState), viewer.Powers & (Powers.StaffSide | Powers.Moderate), viewer.IsSignedIn),
            _ => Listed<IPostState>(viewer).Compile());
        return rule(post);
    }

    /// <summary>Whether the viewer may read a post's words where it stands: never a deleted post's, a hidden one's
    /// only as a moderator or its author.</summary>
    public static bool MayReadBody(Viewer viewer, IPostState post)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(post);
        return post.DeletedAt is null
            && (viewer.IsStaffSide || !post.IsStaffNote)
            && (post.HiddenAt is null || viewer.Moderates || viewer.Is(post.AuthorId))
            && (!post.AwaitingApproval || viewer.Moderates || viewer.Is(post.AuthorId));
    }

    /// <summary>Whether the viewer may open a file attached to a post: whoever may read the post's words where it stands,
    /// and moderators reviewing a deleted one (as its history). An upload not posted yet (<paramref name="post"/> null)
    /// is its uploader's alone.</summary>
    public static bool MayOpenAttachment(Viewer viewer, IPostState? post, Guid uploadedBy)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (post is null)
        {
            return viewer.Is(uploadedBy);
        }

        return MayReadBody(viewer, post) || (post.DeletedAt is not null && viewer.Moderates && (viewer.IsStaffSide || !post.IsStaffNote));
    }

    // ---- Writing ----

    /// <summary>At most this many members hear of one post's @group mentions: a group mention tells a group, but
    /// one post never floods the notifier.</summary>
    public const int MaxGroupMentionAudience = 200;

    /// <summary>Whether an author's @mention of a group tells its members, as the group's setting says who may use it:
    /// nobody, the staff side, the group's own members, or any member. Not allowed is no refusal: the post stands
    /// and its text stays plain. Who among the members hears of it is the notifier's rule, as for any post (they
    /// may enter the space and see the post; they do not ignore the author).</summary>
    public static bool MayMentionGroup(Viewer author, Groups.GroupMentions allowed, bool authorIsInGroup)
    {
        ArgumentNullException.ThrowIfNull(author);
        return author.IsSignedIn && allowed switch
        {
            Groups.GroupMentions.StaffSide => author.IsStaffSide,
            Groups.GroupMentions.GroupMembers => authorIsInGroup,
            Groups.GroupMentions.AnyMember => true,
            _ => false,
        };
    }

    public static Decision StartThread(Viewer viewer, Standing standing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(standing);
        return !viewer.IsSignedIn ? Decision.Forbid("Sign in to start a thread.") : standing.ToWrite(now);
    }

    /// <param name="standing">The writer's standing; null when only offering the form (the write checks it).</param>
    public static Decision Reply(Viewer viewer, IThreadState thread, bool asStaffNote, Standing? standing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(thread);
        if (!viewer.IsSignedIn)
        {
            return Decision.Forbid("Sign in to reply.");
        }

        if (asStaffNote && !viewer.IsStaffSide)
        {
            return Decision.Forbid("Only staff, executives and moderators can write staff notes.");
        }

        if (standing?.ToWrite(now) is { IsAllowed: false } refused)
        {
            return refused;
        }

        // Staff notes coordinate the company's people whatever the thread's state; replies respect it.
        if (!asStaffNote && thread.IsClosed)
        {
            return Decision.Refuse("This thread is closed, so it takes no new replies. Start a new thread if you have something to add.");
        }

        if (!asStaffNote && thread.IsLocked && !viewer.Moderates)
        {
            return Decision.Refuse("This thread is locked: a moderator has paused the conversation, so new replies are not accepted.");
        }

        return Decision.Allowed;
    }

    /// <summary>Who may open a post's editor at all: its author or a moderator. Whether the edit is then accepted
    /// (the post's and the thread's state, the author's standing) is <see cref="Edit"/>'s to say, on saving.</summary>
    public static Decision OpenEditor(Viewer viewer, IPostState post)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(post);
        return viewer.Moderates || viewer.Is(post.AuthorId) ? Decision.Allowed : Decision.Forbid("Only its author or a moderator can edit a post.");
    }

    /// <summary>The author edits while the thread takes replies and the post is not hidden; a moderator edits
    /// anything. <paramref name="standing"/> as for <see cref="Reply"/>.</summary>
    public static Decision Edit(Viewer viewer, IThreadState thread, IPostState post, Standing? standing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(thread);
        if (OpenEditor(viewer, post) is { IsAllowed: false } forbidden)
        {
            return forbidden;
        }

        if (viewer.Moderates)
        {
            return Decision.Allowed;
        }

        if (standing?.ToWrite(now) is { IsAllowed: false } refused)
        {
            return refused;
        }

        if (post.HiddenAt is not null)
        {
            return Decision.Refuse("A moderator hid this post, so it cannot be edited. A moderator can restore it.");
        }

        return thread.IsLocked || thread.IsClosed
            ? Decision.Refuse($"This thread is {(thread.IsLocked ? "locked" : "closed")}, so its posts can no longer be edited.")
            : Decision.Allowed;
    }

    public const string OpeningPostCannotBeDeleted = "An opening post can't be deleted: it carries the whole thread. Edit it instead, or ask a moderator.";

    /// <summary>Only the author takes back a reply; the opening post carries the thread.</summary>
    public static Decision Delete(Viewer viewer, IPostState post)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(post);
        if (!viewer.Is(post.AuthorId))
        {
            return Decision.Forbid("You can only delete your own replies.");
        }

        return post.IsOpeningPost ? Decision.Refuse(OpeningPostCannotBeDeleted) : Decision.Allowed;
    }

    // ---- Acknowledging ----

    /// <summary>Thanks, a reaction or "this helped me" from the viewer: never to oneself, never on a post that was
    /// removed, and "helped" only on replies. Taking one's own acknowledgement back is always allowed.</summary>
    public static Decision Acknowledge(Viewer viewer, IPostState post, ReciprocityKind kind)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(post);
        if (!viewer.IsSignedIn || post.IsStaffNote)
        {
            return Decision.Forbid("Only members' posts can be acknowledged, by someone signed in.");
        }

        if (viewer.Is(post.AuthorId))
        {
            return Decision.Refuse(kind switch
            {
                ReciprocityKind.Reaction => "You cannot react to your own post.",
                ReciprocityKind.Thanks => "You cannot thank yourself.",
                _ => "You cannot mark your own post as having helped you.",
            });
        }

        if (post.HiddenAt is not null || post.DeletedAt is not null)
        {
            return Decision.Refuse("This post has been removed and can no longer be acknowledged.");
        }

        if (post.AwaitingApproval)
        {
            return Decision.Refuse("This post awaits a moderator's approval.");
        }

        return kind == ReciprocityKind.Helped && post.IsOpeningPost
            ? Decision.Refuse("\"This helped me\" is for replies; thank the person who asked instead.")
            : Decision.Allowed;
    }

    /// <summary>The thread's starter, or a moderator for them, accepts a reply by someone else as the answer.</summary>
    public static Decision Accept(Viewer viewer, IThreadState thread, IPostState reply)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentNullException.ThrowIfNull(reply);
        if (!viewer.Is(thread.AuthorId) && !viewer.Moderates)
        {
            return Decision.Forbid("Only the person who started the thread, or a moderator, can choose its answer.");
        }

        if (reply.IsStaffNote)
        {
            return Decision.Forbid("A staff note cannot be the answer.");
        }

        if (reply.HiddenAt is not null || reply.DeletedAt is not null)
        {
            return Decision.Refuse("This reply has been removed and cannot be the answer.");
        }

        if (reply.AwaitingApproval)
        {
            return Decision.Refuse("This reply awaits a moderator's approval and cannot be the answer yet.");
        }

        if (reply.IsOpeningPost)
        {
            return Decision.Refuse("The opening post cannot be the answer to its own question.");
        }

        return reply.AuthorId == thread.AuthorId
            ? Decision.Refuse("The thread's starter cannot accept their own reply as the answer.")
            : Decision.Allowed;
    }

    /// <summary>Only the starter or a moderator changes or clears the accepted answer.</summary>
    public static Decision ChooseAnswer(Viewer viewer, IThreadState thread)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(thread);
        return viewer.Is(thread.AuthorId) || viewer.Moderates
            ? Decision.Allowed
            : Decision.Forbid("Only the person who started the thread, or a moderator, can choose its answer.");
    }

    /// <summary>Someone speaking for the company marks a reply members can read as the official answer.</summary>
    public static Decision MarkOfficial(Viewer viewer, IPostState reply)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(reply);
        if (!viewer.SpeaksForTheCompany)
        {
            return Decision.Forbid("Only staff, executives and admins mark an official answer.");
        }

        return reply.IsOpeningPost || reply.IsStaffNote || reply.HiddenAt is not null || reply.DeletedAt is not null || reply.AwaitingApproval
            ? Decision.Refuse("Only a reply that members can read can be the official answer.")
            : Decision.Allowed;
    }

    // ---- Tagging ----

    /// <summary>The thread's starter tags their thread; staff, moderators and members at the Leader trust level tag
    /// any thread (to sort the community). <paramref name="level"/> is the viewer's trust level, read in the
    /// query the use case makes anyway.</summary>
    public static Decision Tag(Viewer viewer, IThreadState thread, TrustLevel level = TrustLevel.New)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(thread);
        if (!viewer.IsSignedIn)
        {
            return Decision.Forbid("Sign in to tag a thread.");
        }

        return viewer.Is(thread.AuthorId) || viewer.IsStaffSide || viewer.Moderates || level == TrustLevel.Leader
            ? Decision.Allowed
            : Decision.Forbid("Only the person who started the thread, a Leader, staff or a moderator can change its tags.");
    }

    // ---- Retitling ----

    /// <summary>Who may change a thread's title: its starter while the thread allows edits (neither locked nor closed),
    /// staff and members at the Leader trust level likewise (to make a title say what the thread is about), and
    /// moderators always. <paramref name="level"/> as for <see cref="Tag"/>.</summary>
    public static Decision Retitle(Viewer viewer, IThreadState thread, TrustLevel level)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(thread);
        if (!viewer.IsSignedIn)
        {
            return Decision.Forbid("Sign in to change a thread's title.");
        }

        if (viewer.Moderates)
        {
            return Decision.Allowed;
        }

        if (!viewer.Is(thread.AuthorId) && !viewer.IsStaffSide && level != TrustLevel.Leader)
        {
            return Decision.Forbid("Only the person who started the thread, a Leader, staff or a moderator can change its title.");
        }

        return thread.IsLocked || thread.IsClosed
            ? Decision.Refuse($"This thread is {(thread.IsLocked ? "locked" : "closed")}, so its title can no longer be changed. A moderator still can.")
            : Decision.Allowed;
    }

    // ---- Moderating ----

    /// <summary>Any member flags a post by someone else that is still shown. <paramref name="standing"/> as for <see cref="Reply"/>.</summary>
    public static Decision Flag(Viewer viewer, IPostState post, Standing? standing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(post);
        if (!viewer.IsSignedIn)
        {
            return Decision.Forbid("Sign in to flag a post.");
        }

        if (viewer.Is(post.AuthorId))
        {
            return Decision.Refuse("You cannot flag your own post; you can edit it instead.");
        }

        if (post.HiddenAt is not null)
        {
            return Decision.Refuse("A moderator has hidden this post already.");
        }

        if (post.AwaitingApproval)
        {
            return Decision.Refuse("This post awaits a moderator's approval already.");
        }

        // Flagging is writing too: a throwaway account must not flood the queue.
        return standing?.ToWrite(now) ?? Decision.Allowed;
    }

    public static Decision Moderate(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Moderates ? Decision.Allowed : Decision.Forbid("Only moderators can do that.");
    }

    public static Decision Hide(Viewer viewer, IPostState post)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (Moderate(viewer) is { IsAllowed: false } refused)
        {
            return refused;
        }

        if (post.IsOpeningPost)
        {
            return Decision.Refuse("An opening post cannot be hidden: lock or close the thread instead.");
        }

        if (post.AwaitingApproval)
        {
            return Decision.Refuse("This post awaits approval: approve or reject it in the moderation queue.");
        }

        return post.HiddenAt is not null ? Decision.Refuse("The post is hidden already.") : Decision.Allowed;
    }

    /// <summary>A moderator approves or rejects a post that awaits approval, once.</summary>
    public static Decision Approve(Viewer viewer, IPostState post)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (Moderate(viewer) is { IsAllowed: false } refused)
        {
            return refused;
        }

        return post.AwaitingApproval && post.DeletedAt is null
            ? Decision.Allowed
            : Decision.Refuse("This post no longer awaits approval: another moderator decided already, or its author removed it.");
    }

    public static Decision Restore(Viewer viewer, IPostState post)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (Moderate(viewer) is { IsAllowed: false } refused)
        {
            return refused;
        }

        return post.HiddenAt is null ? Decision.Refuse("The post is not hidden.") : Decision.Allowed;
    }

    // ---- Escalating ----

    /// <summary>The company's own people (staff, executives, admins) hand a thread to the support desk; a moderator who
    /// is not one of them moderates the conversation but does not open support cases, and members never do.</summary>
    public static Decision Escalate(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.SpeaksForTheCompany ? Decision.Allowed : Decision.Forbid("Only staff, executives and admins escalate a thread to the support desk.");
    }

    // ---- What a page offers ----

    public static ThreadPermissions ForThread(Viewer viewer, IThreadState thread)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(thread);
        var reply = Reply(viewer, thread, asStaffNote: false, standing: null, DateTimeOffset.MinValue).IsAllowed;
        var staffNote = Reply(viewer, thread, asStaffNote: true, standing: null, DateTimeOffset.MinValue).IsAllowed;
        return new ThreadPermissions(
            Reply: reply,
            WriteStaffNote: staffNote,
            Moderate: viewer.Moderates,
            ChooseAnswer: ChooseAnswer(viewer, thread).IsAllowed,
            TakesReplies: !thread.IsLocked && !thread.IsClosed)
        {
            Escalate = Escalate(viewer).IsAllowed,
        };
    }

    public static PostPermissions ForPost(Viewer viewer, IThreadState thread, IPostState post)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentNullException.ThrowIfNull(post);
        var shown = post.DeletedAt is null && MayReadBody(viewer, post);
        var threadCan = ForThread(viewer, thread);
        return new PostPermissions(
            ReadBody: MayReadBody(viewer, post),
            Reply: shown && post.HiddenAt is null && !post.AwaitingApproval && (threadCan.Reply || threadCan.WriteStaffNote || (!viewer.IsSignedIn && threadCan.TakesReplies)),
            Edit: post.DeletedAt is null && Edit(viewer, thread, post, standing: null, DateTimeOffset.MinValue).IsAllowed,
            Delete: post.DeletedAt is null && Delete(viewer, post).IsAllowed,
            Flag: post.DeletedAt is null && Flag(viewer, post, standing: null, DateTimeOffset.MinValue).IsAllowed,
            Hide: Hide(viewer, post).IsAllowed,
            Restore: Restore(viewer, post).IsAllowed,
            MarkOfficial: MarkOfficial(viewer, post).IsAllowed,
            Thank: Acknowledge(viewer, post, ReciprocityKind.Thanks).IsAllowed,
            MarkHelped: Acknowledge(viewer, post, ReciprocityKind.Helped).IsAllowed,
            Accept: Accept(viewer, thread, post).IsAllowed,
            SeeAuthorsStanding: viewer.Moderates && !viewer.Is(post.AuthorId),
            Yours: viewer.Is(post.AuthorId))
        {
            AwaitingApproval = post.AwaitingApproval && post.DeletedAt is null,
        };
    }
}

/// <summary>What the reader may do in a thread, as the page offers it; the use cases decide again on the write.</summary>
/// <param name="Reply">Write an ordinary reply.</param>
/// <param name="WriteStaffNote">Write a note only the staff side reads (whatever the thread's state).</param>
/// <param name="TakesReplies">The thread is neither locked nor closed.</param>
public sealed record ThreadPermissions(bool Reply, bool WriteStaffNote, bool Moderate, bool ChooseAnswer, bool TakesReplies)
{
    /// <summary>Send the thread to the support desk and see its case (<see cref="ConversationPolicy.Escalate"/>).</summary>
    public bool Escalate { get; init; }
}

/// <summary>What the reader may do with one post, as the page offers it.</summary>
/// <param name="ReadBody">The words are shown; otherwise a placeholder says the post was hidden or removed.</param>
/// <param name="Thank">Thank or react (both follow the same rule).</param>
/// <param name="Yours">The reader wrote it (their own standing is one link away when it is hidden).</param>
public sealed record PostPermissions(
    bool ReadBody,
    bool Reply,
    bool Edit,
    bool Delete,
    bool Flag,
    bool Hide,
    bool Restore,
    bool MarkOfficial,
    bool Thank,
    bool MarkHelped,
    bool Accept,
    bool SeeAuthorsStanding,
    bool Yours)
{
    /// <summary>The post is not published yet (only its author and moderators meet it): the page says "awaiting approval".</summary>
    public bool AwaitingApproval { get; init; }

    /// <summary>Any acknowledgement button to show, so that a page renders the form only where it has one.</summary>
    public bool Acknowledge => Thank || MarkHelped || Accept;
}

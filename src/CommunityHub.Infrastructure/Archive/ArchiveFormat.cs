using NpgsqlTypes;

namespace CommunityHub.Infrastructure.Archive;

/// <summary>The community archive (docs/archive-format.md): a header line, then one JSON object per
/// line, record types in the order of <see cref="RecordTypes"/>, each type's records ordered by its key.
/// The list below is the format: the exporter and the importer both read it, so they cannot drift apart.</summary>
public static class ArchiveFormat
{
    public const string Name = "communityhub-archive";

    /// <summary>The version written. Version 2 added attachments (<c>attachment</c>, <c>attachmentFile</c>); version 3
    /// members' pictures (<c>member.avatarId</c>, <c>avatar</c>, their copies among the <c>attachmentFile</c> records).
    /// Version 4 who may enter a space: member groups (<c>group</c>, <c>groupMember</c>), the spaces restricted to them
    /// (<c>spaceAccess</c>) and <c>space.membersOnly</c>, so a private space stays private after a move.
    /// Version 5 what issues 14–17 added: tags (<c>tagGroup</c>, <c>tagGroupRequirement</c>, <c>tag</c>, <c>threadTag</c>,
    /// <c>tagWatch</c>), Ideas spaces (<c>space.isIdeas</c>, <c>idea</c>, <c>ideaStatusChange</c>, <c>ideaVote</c>), customer
    /// organisations (<c>organisation</c>, <c>organisationDomain</c>, <c>organisationMember</c>), trust-level locks
    /// (<c>member.trustLockedAt</c>), the content filter (<c>watchedWord</c>, <c>linkRule</c>), ignore lists
    /// (<c>ignoredMember</c>), handles members gave up (<c>formerHandle</c>), threads' escalations (<c>threadEscalation</c>), what waits for approval, group mentions
    /// and members' profiles.
    /// An archive of an older version is the same format without them and is still read.</summary>
    public const int Version = 5;

    /// <summary>The versions the importer reads.</summary>
    public static readonly IReadOnlyList<int> ReadableVersions = [1, 2, 3, 4, 5];

    /// <summary>The record type holding the attachments' stored copies, read from and written to the attachment store
    /// (the database or a bucket) rather than one table.</summary>
    internal const string AttachmentFileType = "attachmentFile";

    internal static readonly IReadOnlyList<ArchiveRecordType> RecordTypes =
    [
        new("member", "members", "id",
        [
            new("id", "id", ArchiveValue.Uuid),
            new("displayName", "display_name", ArchiveValue.Text),
            new("handle", "handle", ArchiveValue.Text),
            new("joinedAt", "joined_at", ArchiveValue.Timestamp),
            new("badge", "badge", ArchiveValue.Text),
            new("title", "title", ArchiveValue.Text, Nullable: true),
            new("suspendedUntil", "suspended_until", ArchiveValue.Timestamp, Nullable: true),
            new("isBanned", "is_banned", ArchiveValue.Boolean),
            new("sanctionReason", "sanction_reason", ArchiveValue.Text, Nullable: true),
            new("formerAt", "former_at", ArchiveValue.Timestamp, Nullable: true),
            new("avatarId", "avatar_id", ArchiveValue.Uuid, Nullable: true),
            // Version 5: the trust level a moderator fixed, the organisation their sign-in provider last named, their profile.
            new("trustLockedAt", "trust_locked_at", ArchiveValue.Text, Nullable: true),
            new("organisation", "organisation", ArchiveValue.Text, Nullable: true),
            new("bio", "bio", ArchiveValue.Text, Nullable: true),
            new("website", "website", ArchiveValue.Text, Nullable: true),
            new("timeZone", "time_zone", ArchiveValue.Text, Nullable: true),
        ]),
        // Handles members gave up, still theirs: old @mentions and profile links keep finding them (version 5).
        new("formerHandle", "former_handles", "handle COLLATE \"C\"",
        [
            new("handle", "handle", ArchiveValue.Text),
            new("memberId", "member_id", ArchiveValue.Uuid),
            new("retiredAt", "retired_at", ArchiveValue.Timestamp),
        ]),
        // The sign-in account without its credentials: no password hash, no security stamp, no tokens.
        new("account", "users", "id",
        [
            new("memberId", "id", ArchiveValue.Uuid),
            new("userName", "user_name", ArchiveValue.Text),
            new("email", "email", ArchiveValue.Text),
            new("emailConfirmed", "email_confirmed", ArchiveValue.Boolean),
        ]),
        new("roleAssignment", "user_roles", "user_id, role_id",
        [
            new("memberId", "user_id", ArchiveValue.Uuid),
            new("role", "role_id", ArchiveValue.RoleName),
        ]),
        // Member groups and who is in them (by hand, by e-mail domain, or by the sign-in provider's groups claim).
        new("group", "member_groups", "id",
        [
            new("id", "id", ArchiveValue.Int32),
            new("name", "name", ArchiveValue.Text),
            new("description", "description", ArchiveValue.Text),
            new("createdAt", "created_at", ArchiveValue.Timestamp),
            new("emailDomains", "email_domain_list", ArchiveValue.Text),
            new("signInGroup", "sign_in_group", ArchiveValue.Text, Nullable: true),
            // Version 5: the @handle that mentions the group, and who may use it (nobody, as before, when missing).
            new("mentionHandle", "mention_handle", ArchiveValue.Text, Nullable: true),
            new("mentionableBy", "mentionable_by", ArchiveValue.Text, WhenMissing: "Nobody"),
        ]),
        new("groupMember", "group_members", "group_id, member_id",
        [
            new("groupId", "group_id", ArchiveValue.Int32),
            new("memberId", "member_id", ArchiveValue.Uuid),
            new("addedAt", "added_at", ArchiveValue.Timestamp),
            new("source", "source", ArchiveValue.Text),
        ]),
        // Customer organisations, the e-mail domains that place members in them, and each member's (at most one).
        new("organisation", "organisations", "id",
        [
            new("id", "id", ArchiveValue.Int32),
            new("name", "name", ArchiveValue.Text),
            new("createdAt", "created_at", ArchiveValue.Timestamp),
        ]),
        new("organisationDomain", "organisation_domains", "domain COLLATE \"C\"",
        [
            new("domain", "domain", ArchiveValue.Text),
            new("organisationId", "organisation_id", ArchiveValue.Int32),
        ]),
        new("organisationMember", "organisation_members", "member_id",
        [
            new("memberId", "member_id", ArchiveValue.Uuid),
            new("organisationId", "organisation_id", ArchiveValue.Int32),
            new("source", "source", ArchiveValue.Text),
            new("assignedAt", "assigned_at", ArchiveValue.Timestamp),
        ]),
        new("space", "spaces", "id",
        [
            new("id", "id", ArchiveValue.Int32),
            new("name", "name", ArchiveValue.Text),
            new("slug", "slug", ArchiveValue.Text),
            new("purpose", "purpose", ArchiveValue.Text),
            new("position", "position", ArchiveValue.Int32),
            new("threadCount", "thread_count", ArchiveValue.Int32),
            new("lastActivityAt", "last_activity_at", ArchiveValue.Timestamp, Nullable: true),
            new("lastActiveThreadId", "last_active_thread_id", ArchiveValue.Int64, Nullable: true),
            new("membersOnly", "members_only", ArchiveValue.Boolean, WhenMissing: false),
            new("isIdeas", "is_ideas", ArchiveValue.Boolean, WhenMissing: false),
        ]),
        // A space with spaceAccess records is private to those groups (and the staff side).
        new("spaceAccess", "space_access", "space_id, group_id",
        [
            new("spaceId", "space_id", ArchiveValue.Int32),
            new("groupId", "group_id", ArchiveValue.Int32),
        ]),
        // Tags, in groups; a group may be required in some spaces (a new thread there needs one of its tags).
        new("tagGroup", "tag_groups", "id",
        [
            new("id", "id", ArchiveValue.Int32),
            new("name", "name", ArchiveValue.Text),
            new("description", "description", ArchiveValue.Text),
            new("createdAt", "created_at", ArchiveValue.Timestamp),
        ]),
        new("tagGroupRequirement", "tag_group_requirements", "group_id, space_id",
        [
            new("groupId", "group_id", ArchiveValue.Int32),
            new("spaceId", "space_id", ArchiveValue.Int32),
        ]),
        new("tag", "tags", "id",
        [
            new("id", "id", ArchiveValue.Int32),
            new("name", "name", ArchiveValue.Text),
            new("description", "description", ArchiveValue.Text),
            new("groupId", "group_id", ArchiveValue.Int32, Nullable: true),
            new("createdAt", "created_at", ArchiveValue.Timestamp),
        ]),
        new("thread", "threads", "id",
        [
            new("id", "id", ArchiveValue.Int64),
            new("spaceId", "space_id", ArchiveValue.Int32),
            new("title", "title", ArchiveValue.Text),
            new("authorId", "author_id", ArchiveValue.Uuid),
            new("createdAt", "created_at", ArchiveValue.Timestamp),
            new("isPinned", "is_pinned", ArchiveValue.Boolean),
            new("isLocked", "is_locked", ArchiveValue.Boolean),
            new("isClosed", "is_closed", ArchiveValue.Boolean),
            new("replyCount", "reply_count", ArchiveValue.Int32),
            new("lastActivityAt", "last_activity_at", ArchiveValue.Timestamp),
            new("lastPosterId", "last_poster_id", ArchiveValue.Uuid),
            new("acceptedAnswerPostId", "accepted_answer_post_id", ArchiveValue.Int64, Nullable: true),
            new("officialAnswerPostId", "official_answer_post_id", ArchiveValue.Int64, Nullable: true),
            // Version 5: held for a moderator (a held thread stays unlisted after a move), and its appreciation (the "top" order).
            new("awaitingApproval", "awaiting_approval", ArchiveValue.Boolean, WhenMissing: false),
            new("appreciation", "appreciation", ArchiveValue.Int32, WhenMissing: 0),
        ]),
        new("post", "posts", "id",
        [
            new("id", "id", ArchiveValue.Int64),
            new("threadId", "thread_id", ArchiveValue.Int64),
            new("authorId", "author_id", ArchiveValue.Uuid),
            new("isOpeningPost", "is_opening_post", ArchiveValue.Boolean),
            new("inReplyToPostId", "in_reply_to_post_id", ArchiveValue.Int64, Nullable: true),
            new("addressedToId", "addressed_to_id", ArchiveValue.Uuid, Nullable: true),
            new("isStaffNote", "is_staff_note", ArchiveValue.Boolean),
            new("submissionId", "submission_id", ArchiveValue.Uuid),
            new("createdAt", "created_at", ArchiveValue.Timestamp),
            new("editedAt", "edited_at", ArchiveValue.Timestamp, Nullable: true),
            new("deletedAt", "deleted_at", ArchiveValue.Timestamp, Nullable: true),
            new("hiddenAt", "hidden_at", ArchiveValue.Timestamp, Nullable: true),
            new("hiddenReason", "hidden_reason", ArchiveValue.Text, Nullable: true),
            new("body", "body", ArchiveValue.Text),
            new("bodyHtml", "body_html", ArchiveValue.Text),
            // Version 5: held for a moderator (still held after a move), why, and when a moderator turned it down.
            new("awaitingApproval", "awaiting_approval", ArchiveValue.Boolean, WhenMissing: false),
            new("approvalNote", "approval_note", ArchiveValue.Text, Nullable: true),
            new("rejectedAt", "rejected_at", ArchiveValue.Timestamp, Nullable: true),
        ]),
        // Files uploaded with posts (and those still pending), then their stored copies: the original (for an image,
        // re-encoded without its metadata), and for an image its display size and thumbnail, base64 in "content".
        new("attachment", "attachments", "id",
        [
            new("id", "id", ArchiveValue.Uuid),
            new("ownerId", "owner_id", ArchiveValue.Uuid),
            new("postId", "post_id", ArchiveValue.Int64, Nullable: true),
            new("fileName", "file_name", ArchiveValue.Text),
            new("mediaType", "media_type", ArchiveValue.Text),
            new("isImage", "is_image", ArchiveValue.Boolean),
            new("size", "size", ArchiveValue.Int64),
            new("storedBytes", "stored_bytes", ArchiveValue.Int64),
            new("width", "width", ArchiveValue.Int32, Nullable: true),
            new("height", "height", ArchiveValue.Int32, Nullable: true),
            new("displayWidth", "display_width", ArchiveValue.Int32, Nullable: true),
            new("displayHeight", "display_height", ArchiveValue.Int32, Nullable: true),
            new("uploadedAt", "uploaded_at", ArchiveValue.Timestamp),
            new("postedAt", "posted_at", ArchiveValue.Timestamp, Nullable: true),
            new("position", "position", ArchiveValue.Int32),
        ]),
        // Members' pictures; their copies (avatars/{id}/{size}) are attachment files like the others.
        new("avatar", "avatars", "id",
        [
            new("id", "id", ArchiveValue.Uuid),
            new("memberId", "member_id", ArchiveValue.Uuid),
            new("contentType", "content_type", ArchiveValue.Text),
            new("createdAt", "created_at", ArchiveValue.Timestamp),
        ]),
        new(AttachmentFileType, "attachment_blobs", "key COLLATE \"C\"",
        [
            new("key", "key", ArchiveValue.Text),
            new("content", "content", ArchiveValue.Bytes),
        ]),
        new("postRevision", "post_revisions", "id",
        [
            new("id", "id", ArchiveValue.Int64),
            new("postId", "post_id", ArchiveValue.Int64),
            new("writtenAt", "written_at", ArchiveValue.Timestamp),
            new("replacedById", "replaced_by_id", ArchiveValue.Uuid),
            new("replacedAt", "replaced_at", ArchiveValue.Timestamp),
            new("body", "body", ArchiveValue.Text),
            new("bodyHtml", "body_html", ArchiveValue.Text),
        ]),
        new("mention", "post_mentions", "post_id, member_id",
        [
            new("postId", "post_id", ArchiveValue.Int64),
            new("memberId", "member_id", ArchiveValue.Uuid),
        ]),
        new("threadParticipant", "thread_participants", "thread_id, member_id",
        [
            new("threadId", "thread_id", ArchiveValue.Int64),
            new("memberId", "member_id", ArchiveValue.Uuid),
            new("firstPostId", "first_post_id", ArchiveValue.Int64),
            new("joinedAt", "joined_at", ArchiveValue.Timestamp),
        ]),
        new("threadTag", "thread_tags", "thread_id, tag_id",
        [
            new("threadId", "thread_id", ArchiveValue.Int64),
            new("tagId", "tag_id", ArchiveValue.Int32),
        ]),
        // An Ideas space's threads: each idea's status (with the company's note) and vote count, the history of its
        // statuses, and the votes (a withdrawn vote stays, with when it was withdrawn).
        new("idea", "ideas", "thread_id",
        [
            new("threadId", "thread_id", ArchiveValue.Int64),
            new("authorId", "author_id", ArchiveValue.Uuid),
            new("status", "status", ArchiveValue.Text),
            new("statusNote", "status_note", ArchiveValue.Text, Nullable: true),
            new("statusChangedAt", "status_changed_at", ArchiveValue.Timestamp, Nullable: true),
            new("statusChangedById", "status_changed_by_id", ArchiveValue.Uuid, Nullable: true),
            new("voteCount", "vote_count", ArchiveValue.Int32),
            new("mergedIntoThreadId", "merged_into_thread_id", ArchiveValue.Int64, Nullable: true),
        ]),
        new("ideaStatusChange", "idea_status_changes", "id",
        [
            new("id", "id", ArchiveValue.Int64),
            new("threadId", "thread_id", ArchiveValue.Int64),
            new("changedById", "changed_by_id", ArchiveValue.Uuid),
            new("from", "from", ArchiveValue.Text),
            new("to", "to", ArchiveValue.Text),
            new("note", "note", ArchiveValue.Text, Nullable: true),
            new("at", "at", ArchiveValue.Timestamp),
        ]),
        new("ideaVote", "idea_votes", "id",
        [
            new("id", "id", ArchiveValue.Int64),
            new("threadId", "thread_id", ArchiveValue.Int64),
            new("memberId", "member_id", ArchiveValue.Uuid),
            new("castAt", "cast_at", ArchiveValue.Timestamp),
            new("withdrawnAt", "withdrawn_at", ArchiveValue.Timestamp, Nullable: true),
        ]),
        // Threads sent to the support desk: the case (its id, address, state) is part of the thread's history. The row
        // is also its own outbox entry: a pending one is sent by the importing installation once it has a desk. Only the
        // sending worker's lease (locked_until) stays behind.
        new("threadEscalation", "thread_escalations", "id",
        [
            new("id", "id", ArchiveValue.Int64),
            new("threadId", "thread_id", ArchiveValue.Int64),
            new("escalatedById", "escalated_by_id", ArchiveValue.Uuid),
            new("escalatedAt", "escalated_at", ArchiveValue.Timestamp),
            new("status", "status", ArchiveValue.Text),
            new("caseId", "case_id", ArchiveValue.Text, Nullable: true),
            new("caseUrl", "case_url", ArchiveValue.Text, Nullable: true),
            new("openedAt", "opened_at", ArchiveValue.Timestamp, Nullable: true),
            new("solvedAt", "solved_at", ArchiveValue.Timestamp, Nullable: true),
            new("payload", "payload", ArchiveValue.Json),
            new("attempts", "attempts", ArchiveValue.Int32),
            new("nextAttemptAt", "next_attempt_at", ArchiveValue.Timestamp),
            new("lastError", "last_error", ArchiveValue.Text, Nullable: true),
        ]),
        new("reciprocityRecord", "reciprocity_records", "id",
        [
            new("id", "id", ArchiveValue.Int64),
            new("kind", "kind", ArchiveValue.ReciprocityKind),
            new("postId", "post_id", ArchiveValue.Int64),
            new("threadId", "thread_id", ArchiveValue.Int64),
            new("fromMemberId", "from_member_id", ArchiveValue.Uuid),
            new("toMemberId", "to_member_id", ArchiveValue.Uuid),
            new("reaction", "reaction", ArchiveValue.Text, Nullable: true),
            new("recordedById", "recorded_by_id", ArchiveValue.Uuid),
            new("createdAt", "created_at", ArchiveValue.Timestamp),
            new("retractedAt", "retracted_at", ArchiveValue.Timestamp, Nullable: true),
        ]),
        // The tie store as it stands: decayed accumulators (see DESIGN, "Tie strength"), so the importing
        // community scores every pair exactly as the exporting one did without replaying history.
        new("tie", "ties", "member_low_id, member_high_id",
        [
            new("memberLowId", "member_low_id", ArchiveValue.Uuid),
            new("memberHighId", "member_high_id", ArchiveValue.Uuid),
            new("asOf", "as_of", ArchiveValue.Timestamp),
            new("firstAt", "first_at", ArchiveValue.Timestamp),
            new("lastAt", "last_at", ArchiveValue.Timestamp),
            new("hasDirect", "has_direct", ArchiveValue.Boolean),
            new("contact", "contact", ArchiveValue.Double),
            new("intensity", "intensity", ArchiveValue.Double),
            new("confidingLowToHigh", "confiding_low_to_high", ArchiveValue.Double),
            new("confidingHighToLow", "confiding_high_to_low", ArchiveValue.Double),
            new("serviceLowToHigh", "service_low_to_high", ArchiveValue.Double),
            new("serviceHighToLow", "service_high_to_low", ArchiveValue.Double),
            new("strengthAtUpdate", "strength_at_update", ArchiveValue.Double),
            new("embeddedness", "embeddedness", ArchiveValue.Double),
            new("activeWeeks", "active_weeks", ArchiveValue.Int64),
            new("latestWeek", "latest_week", ArchiveValue.Int32),
        ]),
        new("flag", "flags", "id",
        [
            new("id", "id", ArchiveValue.Int64),
            new("postId", "post_id", ArchiveValue.Int64),
            new("reporterId", "reporter_id", ArchiveValue.Uuid),
            new("reason", "reason", ArchiveValue.Text),
            new("createdAt", "created_at", ArchiveValue.Timestamp),
            new("resolvedAt", "resolved_at", ArchiveValue.Timestamp, Nullable: true),
            new("resolvedById", "resolved_by_id", ArchiveValue.Uuid, Nullable: true),
            new("resolution", "resolution", ArchiveValue.Text, Nullable: true),
        ]),
        new("moderationEntry", "moderation_log", "id",
        [
            new("id", "id", ArchiveValue.Int64),
            new("moderatorId", "moderator_id", ArchiveValue.Uuid),
            new("action", "action", ArchiveValue.Text),
            new("threadId", "thread_id", ArchiveValue.Int64, Nullable: true),
            new("postId", "post_id", ArchiveValue.Int64, Nullable: true),
            new("memberId", "member_id", ArchiveValue.Uuid, Nullable: true),
            new("spaceId", "space_id", ArchiveValue.Int32, Nullable: true),
            new("reason", "reason", ArchiveValue.Text, Nullable: true),
            new("detail", "detail", ArchiveValue.Text, Nullable: true),
            new("at", "at", ArchiveValue.Timestamp),
        ]),
        new("communityValues", "community_values", "id",
        [
            new("id", "id", ArchiveValue.Int32),
            new("updatedById", "updated_by_id", ArchiveValue.Uuid),
            new("updatedAt", "updated_at", ArchiveValue.Timestamp),
            new("body", "body", ArchiveValue.Text),
            new("bodyHtml", "body_html", ArchiveValue.Text),
        ]),
        // The content filter: words (or patterns) it blocks, holds or replaces, and the sites it blocks or allows.
        new("watchedWord", "watched_words", "id",
        [
            new("id", "id", ArchiveValue.Int32),
            new("pattern", "pattern", ArchiveValue.Text),
            new("isPattern", "is_pattern", ArchiveValue.Boolean),
            new("action", "action", ArchiveValue.Text),
            new("replacement", "replacement", ArchiveValue.Text, Nullable: true),
            new("message", "message", ArchiveValue.Text, Nullable: true),
            new("createdAt", "created_at", ArchiveValue.Timestamp),
        ]),
        new("linkRule", "link_rules", "id",
        [
            new("id", "id", ArchiveValue.Int32),
            new("host", "host", ArchiveValue.Text),
            new("kind", "kind", ArchiveValue.Text),
            new("createdAt", "created_at", ArchiveValue.Timestamp),
        ]),
        // What members chose to follow and how they want to be told: their settings, so they survive a move.
        new("spaceWatch", "space_watches", "member_id, space_id",
        [
            new("memberId", "member_id", ArchiveValue.Uuid),
            new("spaceId", "space_id", ArchiveValue.Int32),
            new("since", "since", ArchiveValue.Timestamp),
        ]),
        new("threadWatch", "thread_watches", "member_id, thread_id",
        [
            new("memberId", "member_id", ArchiveValue.Uuid),
            new("threadId", "thread_id", ArchiveValue.Int64),
            new("level", "level", ArchiveValue.Text),
            new("since", "since", ArchiveValue.Timestamp),
        ]),
        new("notificationPreference", "notification_preferences", "member_id, kind",
        [
            new("memberId", "member_id", ArchiveValue.Uuid),
            new("kind", "kind", ArchiveValue.Text),
            new("channel", "channel", ArchiveValue.Text),
        ]),
        new("digestSubscription", "digest_subscriptions", "member_id",
        [
            new("memberId", "member_id", ArchiveValue.Uuid),
            new("since", "since", ArchiveValue.Timestamp),
            new("lastDigestAt", "last_digest_at", ArchiveValue.Timestamp, Nullable: true),
        ]),
        new("tagWatch", "tag_watches", "member_id, tag_id",
        [
            new("memberId", "member_id", ArchiveValue.Uuid),
            new("tagId", "tag_id", ArchiveValue.Int32),
            new("since", "since", ArchiveValue.Timestamp),
        ]),
        // Whom a member chose not to see; personal, like their other settings, and theirs to keep.
        new("ignoredMember", "ignored_members", "ignorer_id, ignored_id",
        [
            new("ignorerId", "ignorer_id", ArchiveValue.Uuid),
            new("ignoredId", "ignored_id", ArchiveValue.Uuid),
            new("since", "since", ArchiveValue.Timestamp),
        ]),
    ];

    /// <summary>Tables with an identity column, whose sequence must continue after the imported ids.</summary>
    internal static readonly IReadOnlyList<string> TablesWithIdentity =
        ["member_groups", "organisations", "spaces", "tag_groups", "tags", "threads", "posts", "idea_status_changes", "idea_votes",
            "thread_escalations", "post_revisions", "reciprocity_records", "flags", "moderation_log", "watched_words", "link_rules"];
}

internal enum ArchiveValue
{
    Uuid,
    Text,
    Int32,
    Int64,
    Boolean,
    Double,

    /// <summary>timestamptz, written in UTC in the round-trip ("O") format.</summary>
    Timestamp,

    /// <summary>The reciprocity kind's name (Helped, Thanks, Reaction, AcceptedAnswer), stored as its number.</summary>
    ReciprocityKind,

    /// <summary>A role's name; the role's id differs between databases.</summary>
    RoleName,

    /// <summary>bytea, written as base64.</summary>
    Bytes,

    /// <summary>jsonb, written as a string holding the JSON text (as PostgreSQL gives it back, so it round-trips).</summary>
    Json,
}

/// <param name="WhenMissing">What an older archive, written before the field existed, means by leaving it out.</param>
internal sealed record ArchiveColumn(string Field, string Column, ArchiveValue Value, bool Nullable = false, object? WhenMissing = null)
{
    public NpgsqlDbType DbType => Value switch
    {
        ArchiveValue.Uuid or ArchiveValue.RoleName => NpgsqlDbType.Uuid,
        ArchiveValue.Text => NpgsqlDbType.Text,
        ArchiveValue.Int32 => NpgsqlDbType.Integer,
        ArchiveValue.Int64 => NpgsqlDbType.Bigint,
        ArchiveValue.Boolean => NpgsqlDbType.Boolean,
        ArchiveValue.Double => NpgsqlDbType.Double,
        ArchiveValue.Timestamp => NpgsqlDbType.TimestampTz,
        ArchiveValue.ReciprocityKind => NpgsqlDbType.Smallint,
        ArchiveValue.Bytes => NpgsqlDbType.Bytea,
        ArchiveValue.Json => NpgsqlDbType.Jsonb,
        _ => throw new ArgumentOutOfRangeException(nameof(Value)),
    };
}

internal sealed record ArchiveRecordType(string Name, string Table, string OrderBy, IReadOnlyList<ArchiveColumn> Columns)
{
    public string SelectSql => Name == "roleAssignment"
        // Roles are matched by name: their ids are made afresh in every database.
        ? "SELECT ur.user_id, r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id ORDER BY ur.user_id, r.name"
        : $"SELECT {ColumnList} FROM {Table} ORDER BY {OrderBy}";

    /// <summary>The columns, quoted: some are SQL's own words (an idea's status change has "from" and "to").</summary>
    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Column}\""));
}

/// <summary>An archive that cannot be imported, or a database it cannot be imported into.</summary>
public sealed class ArchiveException : Exception
{
    public ArchiveException()
        : base("The archive cannot be imported.")
    {
    }

    public ArchiveException(string message)
        : base(message)
    {
    }

    public ArchiveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

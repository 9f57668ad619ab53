using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Ties;
using CommunityHub.Domain.Ties;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Members;

/// <summary>Everything a member wrote and everything recorded about them, as one JSON document written straight
/// to <see cref="Query.Output"/>: rows are streamed from the database into a <see cref="Utf8JsonWriter"/> one at a
/// time, so years of posts never become one object graph. Only the signed-in member's own data: the query takes
/// no member id. Format "communityhub-member-data", version 1 (README, "Your data").</summary>
public static class DownloadMyData
{
    public const string Format = "communityhub-member-data";

    public const int Version = 1;

    [Authorize]
    public sealed record Query(Stream Output) : IRequest<Unit>;

    public sealed class Handler(
        ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, TieScorer scorer, TimeProvider clock, Account.AccountDataSection accountData, Attachments.IAttachmentStore files)
        : IRequestHandler<Query, Unit>
    {
        private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public async Task<Unit> Handle(Query request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            var now = clock.GetUtcNow();
            var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == me, cancellationToken)
                ?? throw new NotFoundException("Member", me);
            var accounts = await identity.AccountsAsync([me], cancellationToken);
            var account = accounts.GetValueOrDefault(me);

            await using var json = new Utf8JsonWriter(request.Output, Options);
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("version", Version);
            json.WriteString("exportedAt", At(now));

            json.WriteStartObject("profile");
            json.WriteString("id", member.Id);
            json.WriteString("displayName", member.DisplayName);
            json.WriteString("handle", member.Handle);
            json.WriteString("joinedAt", At(member.JoinedAt));
            json.WriteString("email", account?.Email);
            json.WriteBoolean("emailConfirmed", account?.EmailConfirmed ?? false);
            json.WriteStartArray("roles");
            foreach (var role in account?.Roles ?? [])
            {
                json.WriteStringValue(role);
            }

            json.WriteEndArray();
            json.WriteString("badge", member.Badge.ToString());
            json.WriteString("title", member.Title);
            json.WriteBoolean("isBanned", member.IsBanned);
            json.WriteString("suspendedUntil", At(member.SuspendedUntil));
            json.WriteString("sanctionReason", member.SanctionReason);
            json.WriteEndObject();

            await ArrayAsync(json, "threadsStarted",
                from t in db.Threads.AsNoTracking()
                join s in db.Spaces on t.SpaceId equals s.Id
                where t.AuthorId == me
                orderby t.Id
                select new { t.Id, Space = s.Name, t.Title, t.CreatedAt, t.ReplyCount, t.AcceptedAnswerPostId },
                (w, t) =>
                {
                    w.WriteNumber("id", t.Id);
                    w.WriteString("space", t.Space);
                    w.WriteString("title", t.Title);
                    w.WriteString("createdAt", At(t.CreatedAt));
                    w.WriteNumber("replyCount", t.ReplyCount);
                    WriteNumber(w, "acceptedAnswerPostId", t.AcceptedAnswerPostId);
                }, cancellationToken);

            await ArrayAsync(json, "posts",
                from p in db.Posts.AsNoTracking()
                join t in db.Threads on p.ThreadId equals t.Id
                where p.AuthorId == me
                orderby p.Id
                select new { p.Id, p.ThreadId, Thread = t.Title, p.IsOpeningPost, p.InReplyToPostId, p.IsStaffNote, p.CreatedAt, p.EditedAt, p.DeletedAt, p.HiddenAt, p.HiddenReason, p.Body },
                (w, p) =>
                {
                    w.WriteNumber("id", p.Id);
                    w.WriteNumber("threadId", p.ThreadId);
                    w.WriteString("thread", p.Thread);
                    w.WriteBoolean("isOpeningPost", p.IsOpeningPost);
                    WriteNumber(w, "inReplyToPostId", p.InReplyToPostId);
                    w.WriteBoolean("isStaffNote", p.IsStaffNote);
                    w.WriteString("createdAt", At(p.CreatedAt));
                    w.WriteString("editedAt", At(p.EditedAt));
                    w.WriteString("deletedAt", At(p.DeletedAt));
                    w.WriteString("hiddenAt", At(p.HiddenAt));
                    w.WriteString("hiddenReason", p.HiddenReason);
                    w.WriteString("body", p.Body);
                }, cancellationToken);

            await AttachmentsAsync(json, me, cancellationToken);
            await AvatarAsync(json, me, cancellationToken);

            // What the member was writing and has not posted.
            await ArrayAsync(json, "drafts",
                db.Drafts.AsNoTracking().Where(d => d.MemberId == me).OrderBy(d => d.Id)
                    .Select(d => new { d.ThreadId, d.SpaceId, d.Title, d.Body, d.UpdatedAt }),
                (w, d) =>
                {
                    WriteNumber(w, "threadId", d.ThreadId);
                    WriteNumber(w, "spaceId", d.SpaceId);
                    w.WriteString("title", d.Title);
                    w.WriteString("body", d.Body);
                    w.WriteString("updatedAt", At(d.UpdatedAt));
                }, cancellationToken);

            // Earlier versions of the member's own posts (whoever edited them), oldest first per post.
            await ArrayAsync(json, "postRevisions",
                from r in db.PostRevisions.AsNoTracking()
                join p in db.Posts on r.PostId equals p.Id
                where p.AuthorId == me
                orderby r.PostId, r.Id
                select new { r.PostId, r.WrittenAt, r.ReplacedAt, EditedByYou = r.ReplacedById == me, r.Body },
                (w, r) =>
                {
                    w.WriteNumber("postId", r.PostId);
                    w.WriteString("writtenAt", At(r.WrittenAt));
                    w.WriteString("replacedAt", At(r.ReplacedAt));
                    w.WriteBoolean("editedByYou", r.EditedByYou);
                    w.WriteString("body", r.Body);
                }, cancellationToken);

            await ReciprocityAsync(json, "helpGiven", me, gave: true, cancellationToken);
            await ReciprocityAsync(json, "helpReceived", me, gave: false, cancellationToken);

            var standing = await TieQueries.StandingAsync(db, scorer, me, now, cancellationToken);
            await ArrayAsync(json, "ties",
                from t in db.Ties.AsNoTracking()
                where t.MemberLowId == me || t.MemberHighId == me
                join m in db.Members on (t.MemberLowId == me ? t.MemberHighId : t.MemberLowId) equals m.Id
                orderby m.Id
                select new { Tie = t, m.DisplayName, m.Handle },
                (w, row) =>
                {
                    var state = row.Tie.ToState();
                    var score = scorer.Score(state, now);
                    w.WriteString("with", row.DisplayName);
                    w.WriteString("handle", row.Handle);
                    w.WriteNumber("time", Math.Round(score.Time, 4));
                    w.WriteNumber("emotionalIntensity", Math.Round(score.Intensity, 4));
                    w.WriteNumber("intimacy", Math.Round(score.Intimacy, 4));
                    w.WriteNumber("reciprocalServices", Math.Round(score.Services, 4));
                    w.WriteNumber("strength", Math.Round(score.Strength, 4));
                    w.WriteBoolean("isStrong", scorer.IsStrong(score.Strength, standing.RankOf(score.Strength)));
                    w.WriteString("firstContact", At(state.FirstAt));
                    w.WriteString("lastContact", At(state.LastAt));
                }, cancellationToken);

            // Your own answers to "How well do you know …?", and your choices about your ties.
            await ArrayAsync(json, "tieRatings",
                from r in db.TieRatings.AsNoTracking()
                where r.RaterId == me
                join m in db.Members on r.RatedId equals m.Id
                orderby r.AnsweredAt, r.Id
                select new { m.DisplayName, m.Handle, r.Rating, r.AnsweredAt },
                (w, row) =>
                {
                    w.WriteString("about", row.DisplayName);
                    w.WriteString("handle", row.Handle);
                    w.WriteNumber("rating", row.Rating);
                    w.WriteString("meaning", TieRating.Scale[row.Rating]);
                    w.WriteString("answeredAt", At(row.AnsweredAt));
                }, cancellationToken);
            await ArrayAsync(json, "tiePreferences",
                db.TiePreferences.AsNoTracking().Where(p => p.MemberId == me),
                (w, p) =>
                {
                    w.WriteBoolean("showsPeopleYouOftenTalkWith", p.ShowsFrequentContacts);
                    w.WriteBoolean("answersTieQuestions", p.AnswersTieQuestions);
                    w.WriteBoolean("mayBeAskedForHelp", p.MayBeAskedForHelp);
                    if (p.LastTieQuestionAt is { } asked)
                    {
                        w.WriteString("lastTieQuestionAt", At(asked));
                    }
                }, cancellationToken);

            await ArrayAsync(json, "notifications",
                from n in db.Notifications.AsNoTracking()
                where n.RecipientId == me
                join a in db.Members on n.ActorId equals a.Id into actors
                from a in actors.DefaultIfEmpty()
                orderby n.Id
                select new { n.Id, n.Kind, Actor = a == null ? null : a.DisplayName, n.ThreadId, n.PostId, n.CreatedAt, n.ReadAt },
                (w, n) =>
                {
                    w.WriteNumber("id", n.Id);
                    w.WriteString("kind", n.Kind.ToString());
                    w.WriteString("by", n.Actor);
                    w.WriteNumber("threadId", n.ThreadId);
                    WriteNumber(w, "postId", n.PostId);
                    w.WriteString("createdAt", At(n.CreatedAt));
                    w.WriteString("readAt", At(n.ReadAt));
                }, cancellationToken);

            await ArrayAsync(json, "notificationPreferences",
                db.NotificationPreferences.AsNoTracking().Where(p => p.MemberId == me).OrderBy(p => p.Kind).Select(p => new { p.Kind, p.Channel }),
                (w, p) =>
                {
                    w.WriteString("kind", p.Kind.ToString());
                    w.WriteString("channel", p.Channel.ToString());
                }, cancellationToken);

            var digest = await db.DigestSubscriptions.AsNoTracking().Where(d => d.MemberId == me).Select(d => new { d.Since, d.LastDigestAt }).FirstOrDefaultAsync(cancellationToken);
            if (digest is null)
            {
                json.WriteNull("digest");
            }
            else
            {
                json.WriteStartObject("digest");
                json.WriteString("since", At(digest.Since));
                json.WriteString("lastSentAt", At(digest.LastDigestAt));
                json.WriteEndObject();
            }

            await ArrayAsync(json, "watchedThreads",
                from w in db.ThreadWatches.AsNoTracking()
                join t in db.Threads on w.ThreadId equals t.Id
                where w.MemberId == me
                orderby w.ThreadId
                select new { w.ThreadId, t.Title, w.Level, w.Since },
                (w, t) =>
                {
                    w.WriteNumber("threadId", t.ThreadId);
                    w.WriteString("thread", t.Title);
                    w.WriteString("level", t.Level.ToString());
                    w.WriteString("since", At(t.Since));
                }, cancellationToken);

            await ArrayAsync(json, "watchedSpaces",
                from w in db.SpaceWatches.AsNoTracking()
                join s in db.Spaces on w.SpaceId equals s.Id
                where w.MemberId == me
                orderby w.SpaceId
                select new { s.Name, w.Since },
                (w, s) =>
                {
                    w.WriteString("space", s.Name);
                    w.WriteString("since", At(s.Since));
                }, cancellationToken);

            await ArrayAsync(json, "ignoredMembers",
                from i in db.IgnoredMembers.AsNoTracking()
                join m in db.Members on i.IgnoredId equals m.Id
                where i.IgnorerId == me
                orderby i.Since
                select new { m.DisplayName, m.Handle, i.Since },
                (w, i) =>
                {
                    w.WriteString("member", i.DisplayName);
                    w.WriteString("handle", i.Handle);
                    w.WriteString("since", At(i.Since));
                }, cancellationToken);

            await ArrayAsync(json, "flagsRaised",
                db.Flags.AsNoTracking().Where(f => f.ReporterId == me).OrderBy(f => f.Id)
                    .Select(f => new { f.Id, f.PostId, f.Reason, f.CreatedAt, f.ResolvedAt, f.Resolution }),
                (w, f) =>
                {
                    w.WriteNumber("id", f.Id);
                    w.WriteNumber("postId", f.PostId);
                    w.WriteString("reason", f.Reason);
                    w.WriteString("createdAt", At(f.CreatedAt));
                    w.WriteString("resolvedAt", At(f.ResolvedAt));
                    w.WriteString("resolution", f.Resolution?.ToString());
                }, cancellationToken);

            // What moderators recorded about the member (as on their standing page; the moderator's name is theirs).
            await ArrayAsync(json, "moderation",
                db.ModerationLog.AsNoTracking().Where(e => e.MemberId == me).OrderBy(e => e.Id)
                    .Select(e => new { e.Id, e.Action, e.ThreadId, e.PostId, e.Reason, e.Detail, e.At }),
                (w, e) =>
                {
                    w.WriteNumber("id", e.Id);
                    w.WriteString("action", e.Action.ToString());
                    WriteNumber(w, "threadId", e.ThreadId);
                    WriteNumber(w, "postId", e.PostId);
                    w.WriteString("reason", e.Reason);
                    w.WriteString("detail", e.Detail);
                    w.WriteString("at", At(e.At));
                }, cancellationToken);

            await accountData.WriteAsync(json, me, cancellationToken);
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
            return Unit.Value;
        }

        /// <summary>The files the member uploaded, posted or still pending, each with its stored original (base64; for an
        /// image the copy without metadata that readers get). The list is read first and each file fetched after it, one
        /// at a time (the per-member quota bounds the total).</summary>
        private async Task AttachmentsAsync(Utf8JsonWriter json, Guid me, CancellationToken cancellationToken)
        {
            var mine = await db.Attachments.AsNoTracking().Where(a => a.OwnerId == me).OrderBy(a => a.UploadedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
            json.WriteStartArray("attachments");
            foreach (var a in mine)
            {
                json.WriteStartObject();
                json.WriteString("id", a.Id);
                json.WriteString("fileName", a.FileName);
                json.WriteString("mediaType", a.MediaType);
                json.WriteNumber("size", a.Size);
                WriteNumber(json, "width", a.Width);
                WriteNumber(json, "height", a.Height);
                WriteNumber(json, "postId", a.PostId);
                json.WriteString("uploadedAt", At(a.UploadedAt));
                json.WriteString("postedAt", At(a.PostedAt));
                var content = await files.GetAsync(a.StorageKey(Domain.Attachments.AttachmentVariant.Original), cancellationToken);
                if (content is null)
                {
                    json.WriteNull("content");
                }
                else
                {
                    json.WriteBase64String("content", content);
                }

                json.WriteEndObject();
                await json.FlushAsync(cancellationToken);
            }

            json.WriteEndArray();
        }

        /// <summary>The member's picture, its largest copy (base64), or null when their initial shows.</summary>
        private async Task AvatarAsync(Utf8JsonWriter json, Guid me, CancellationToken cancellationToken)
        {
            var avatar = await db.Members.AsNoTracking().Where(m => m.Id == me)
                .Join(db.Avatars, m => m.AvatarId, a => (Guid?)a.Id, (m, a) => new { a.Id, a.ContentType, a.CreatedAt })
                .FirstOrDefaultAsync(cancellationToken);
            var content = avatar is null ? null : await files.GetAsync(Domain.Members.Avatar.StorageKey(avatar.Id, Domain.Members.Avatar.LargestSize), cancellationToken);
            if (avatar is null || content is null)
            {
                json.WriteNull("avatar");
                return;
            }

            json.WriteStartObject("avatar");
            json.WriteString("mediaType", avatar.ContentType);
            json.WriteNumber("size", Domain.Members.Avatar.LargestSize);
            json.WriteString("createdAt", At(avatar.CreatedAt));
            json.WriteBase64String("content", content);
            json.WriteEndObject();
        }

        private Task ReciprocityAsync(Utf8JsonWriter json, string name, Guid me, bool gave, CancellationToken cancellationToken) =>
            ArrayAsync(json, name,
                from r in db.ReciprocityRecords.AsNoTracking()
                where gave ? r.FromMemberId == me : r.ToMemberId == me
                join o in db.Members on (gave ? r.ToMemberId : r.FromMemberId) equals o.Id
                join t in db.Threads on r.ThreadId equals t.Id
                orderby r.Id
                select new { r.Id, r.Kind, r.Reaction, r.PostId, r.ThreadId, Thread = t.Title, Other = o.DisplayName, r.CreatedAt, r.RetractedAt },
                (w, r) =>
                {
                    w.WriteNumber("id", r.Id);
                    w.WriteString("kind", r.Kind.ToString());
                    w.WriteString("reaction", r.Reaction);
                    w.WriteString(gave ? "to" : "from", r.Other);
                    w.WriteNumber("postId", r.PostId);
                    w.WriteNumber("threadId", r.ThreadId);
                    w.WriteString("thread", r.Thread);
                    w.WriteString("at", At(r.CreatedAt));
                    w.WriteString("takenBackAt", At(r.RetractedAt));
                }, cancellationToken);

        /// <summary>Writes one array, a row at a time as the database returns them, flushing every 32 KiB.</summary>
        private static async Task ArrayAsync<T>(Utf8JsonWriter json, string name, IQueryable<T> rows, Action<Utf8JsonWriter, T> write, CancellationToken cancellationToken)
        {
            json.WriteStartArray(name);
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                json.WriteStartObject();
                write(json, row);
                json.WriteEndObject();
                if (json.BytesPending > 32 * 1024)
                {
                    await json.FlushAsync(cancellationToken);
                }
            }

            json.WriteEndArray();
        }

        private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
        {
            if (value is { } number)
            {
                json.WriteNumber(name, number);
            }
            else
            {
                json.WriteNull(name);
            }
        }

        private static string At(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

        private static string? At(DateTimeOffset? at) => at is { } value ? At(value) : null;
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Events;
using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Webhooks;

/// <summary>Puts what receivers may hear of into the webhook outbox, in the event's own transaction: one row per
/// event with its payload, whatever the number of endpoints (the background worker fans it out), so a reply's
/// POST adds no statement of its own — the row joins the use case's single save. A post awaiting approval records
/// no <see cref="ThreadStarted"/> or <see cref="ReplyPosted"/> until it is approved, so it is queued then.</summary>
public sealed class QueueWebhookEvents(ICommunityDb db, IWebhookLinks links) :
    IDomainEventSubscriber<ThreadStarted>,
    IDomainEventSubscriber<ReplyPosted>,
    IDomainEventSubscriber<ReciprocityGiven>,
    IDomainEventSubscriber<IdeaStatusChanged>,
    IDomainEventSubscriber<PostFlagged>,
    IDomainEventSubscriber<MemberRegistered>
{
    public Task Handle(ThreadStarted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var (thread, post, place) = (domainEvent.Thread, domainEvent.OpeningPost, domainEvent.Place);
        var threadUrl = links.Thread(place.SpaceSlug, thread.Id);
        Queue(
            WebhookEventTypes.ThreadStarted,
            domainEvent.At,
            new
            {
                Thread = new { thread.Id, thread.Title, Url = threadUrl },
                Space = Space(place),
                Post = new { post.Id, Url = threadUrl, post.Body, IsStaffNote = post.IsStaffNote, Author = new { Id = post.AuthorId, Name = place.AuthorName }, post.CreatedAt },
            },
            $"New thread in *{WebhookPayloads.SlackEscape(place.SpaceName)}*: {WebhookPayloads.SlackLink(threadUrl, thread.Title)} by {WebhookPayloads.SlackEscape(place.AuthorName)}",
            place.SpaceId,
            post);
        return Task.CompletedTask;
    }

    public Task Handle(ReplyPosted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var (thread, reply, place) = (domainEvent.Thread, domainEvent.Reply, domainEvent.Place);
        var postUrl = links.Post(place.SpaceSlug, thread.Id, reply.Id);
        Queue(
            WebhookEventTypes.ReplyPosted,
            domainEvent.At,
            new
            {
                Thread = new { thread.Id, thread.Title, Url = links.Thread(place.SpaceSlug, thread.Id) },
                Space = Space(place),
                Post = new
                {
                    reply.Id,
                    Url = postUrl,
                    reply.Body,
                    reply.IsStaffNote,
                    InReplyTo = reply.InReplyToPostId,
                    Author = new { Id = reply.AuthorId, Name = place.AuthorName },
                    reply.CreatedAt,
                },
            },
            $"{WebhookPayloads.SlackEscape(place.AuthorName)} replied in {WebhookPayloads.SlackLink(postUrl, thread.Title)}",
            place.SpaceId,
            reply);
        return Task.CompletedTask;
    }

    /// <summary>Only accepted answers are news for receivers; thanks and reactions are between members.</summary>
    public async Task Handle(ReciprocityGiven domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var record = domainEvent.Record;
        if (record.Kind != ReciprocityKind.AcceptedAnswer)
        {
            return;
        }

        var about = await (
                from p in db.Posts.AsNoTracking()
                join t in db.Threads on p.ThreadId equals t.Id
                join s in db.Spaces on t.SpaceId equals s.Id
                where p.Id == record.PostId
                select new
                {
                    t.Title,
                    s.Id,
                    s.Slug,
                    s.Name,
                    p.IsStaffNote,
                    Author = db.Members.Where(m => m.Id == p.AuthorId).Select(m => m.DisplayName).FirstOrDefault(),
                    Accepter = db.Members.Where(m => m.Id == record.FromMemberId).Select(m => m.DisplayName).FirstOrDefault(),
                })
            .FirstOrDefaultAsync(cancellationToken);
        if (about is null)
        {
            return;
        }

        var postUrl = links.Post(about.Slug, record.ThreadId, record.PostId);
        Queue(
            WebhookEventTypes.AnswerAccepted,
            record.CreatedAt,
            new
            {
                Thread = new { Id = record.ThreadId, about.Title, Url = links.Thread(about.Slug, record.ThreadId) },
                Space = new { about.Id, about.Slug, about.Name, Url = links.Space(about.Slug) },
                Answer = new { Id = record.PostId, Url = postUrl, Author = new { Id = record.ToMemberId, Name = about.Author } },
                AcceptedBy = new { Id = record.FromMemberId, Name = about.Accepter },
            },
            $"{WebhookPayloads.SlackEscape(about.Accepter ?? "Someone")} accepted an answer in {WebhookPayloads.SlackLink(postUrl, about.Title)}",
            about.Id,
            postId: record.PostId,
            internalOnly: about.IsStaffNote);
    }

    public async Task Handle(IdeaStatusChanged domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var about = await (
                from t in db.Threads.AsNoTracking()
                join s in db.Spaces on t.SpaceId equals s.Id
                where t.Id == domainEvent.ThreadId
                select new { t.Title, s.Id, s.Slug, s.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (about is null)
        {
            return;
        }

        var threadUrl = links.Thread(about.Slug, domainEvent.ThreadId);
        Queue(
            WebhookEventTypes.IdeaStatusChanged,
            domainEvent.At,
            new
            {
                Idea = new { Id = domainEvent.ThreadId, about.Title, Url = threadUrl },
                Space = new { about.Id, about.Slug, about.Name, Url = links.Space(about.Slug) },
                From = domainEvent.From.ToString(),
                To = domainEvent.To.ToString(),
                domainEvent.Note,
            },
            $"Idea {WebhookPayloads.SlackLink(threadUrl, about.Title)} is now *{domainEvent.To}*",
            about.Id,
            postId: null,
            internalOnly: false);
    }

    /// <summary>A flag is moderation business: internal receivers only (a moderators' channel), with the reason.</summary>
    public async Task Handle(PostFlagged domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var about = await (
                from p in db.Posts.AsNoTracking()
                join t in db.Threads on p.ThreadId equals t.Id
                join s in db.Spaces on t.SpaceId equals s.Id
                where p.Id == domainEvent.PostId
                select new
                {
                    ThreadId = t.Id,
                    t.Title,
                    s.Id,
                    s.Slug,
                    s.Name,
                    p.AuthorId,
                    Author = db.Members.Where(m => m.Id == p.AuthorId).Select(m => m.DisplayName).FirstOrDefault(),
                    Reporter = db.Members.Where(m => m.Id == domainEvent.ReporterId).Select(m => m.DisplayName).FirstOrDefault(),
                })
            .FirstOrDefaultAsync(cancellationToken);
        if (about is null)
        {
            return;
        }

        var postUrl = links.Post(about.Slug, about.ThreadId, domainEvent.PostId);
        // No post id for the fan-out's check: a post a Leader's flag hid at once is exactly what moderators must hear of.
        Queue(
            WebhookEventTypes.PostFlagged,
            domainEvent.At,
            new
            {
                Thread = new { Id = about.ThreadId, about.Title, Url = links.Thread(about.Slug, about.ThreadId) },
                Space = new { about.Id, about.Slug, about.Name, Url = links.Space(about.Slug) },
                Post = new { Id = domainEvent.PostId, Url = postUrl, Author = new { Id = about.AuthorId, Name = about.Author } },
                FlaggedBy = new { Id = domainEvent.ReporterId, Name = about.Reporter },
                domainEvent.Reason,
            },
            $"{WebhookPayloads.SlackEscape(about.Reporter ?? "Someone")} flagged a post in {WebhookPayloads.SlackLink(postUrl, about.Title)}: {WebhookPayloads.SlackEscape(domainEvent.Reason)}",
            about.Id,
            postId: null,
            internalOnly: true);
    }

    /// <summary>A person joined (a service bot or the demo records no <see cref="MemberRegistered"/>): what their public
    /// profile shows, for every receiver, and never their e-mail address, not even to internal ones (the address is
    /// the member's; a receiver that needs it asks them). Queued when the account is made, before any confirmation.</summary>
    public Task Handle(MemberRegistered domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var profileUrl = links.Member(domainEvent.Handle);
        Queue(
            WebhookEventTypes.MemberRegistered,
            domainEvent.JoinedAt,
            new
            {
                Member = new { Id = domainEvent.MemberId, Name = domainEvent.DisplayName, domainEvent.Handle, Url = profileUrl, domainEvent.JoinedAt },
                Registration = new
                {
                    Method = domainEvent.Method == RegistrationMethod.SingleSignOn ? "single_sign_on" : "password",
                    domainEvent.Provider,
                    domainEvent.ViaInvite,
                },
            },
            $"{WebhookPayloads.SlackLink(profileUrl, domainEvent.DisplayName)} joined the community",
            spaceId: null,
            postId: null,
            internalOnly: false);
        return Task.CompletedTask;
    }

    private object Space(PostPlace place) => new { Id = place.SpaceId, Slug = place.SpaceSlug, Name = place.SpaceName, Url = links.Space(place.SpaceSlug) };

    private void Queue(WebhookEventTypes type, DateTimeOffset at, object data, string summary, int spaceId, Post post) =>
        Queue(type, at, data, summary, spaceId, post.Id, post.IsStaffNote);

    private void Queue(WebhookEventTypes type, DateTimeOffset at, object data, string summary, int? spaceId, long? postId, bool internalOnly) =>
        db.WebhookEvents.Add(WebhookEvent.Create(type, at, WebhookPayloads.Data(data), summary, spaceId, postId, internalOnly));
}

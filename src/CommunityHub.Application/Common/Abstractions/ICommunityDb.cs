using CommunityHub.Domain.Community;
using CommunityHub.Domain.Email;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Ties;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Common.Abstractions;

/// <summary>The part of the DbContext that use cases see. The PostgreSQL specifics stay in Infrastructure.</summary>
public interface ICommunityDb
{
    DbSet<Member> Members { get; }

    DbSet<Space> Spaces { get; }

    DbSet<DiscussionThread> Threads { get; }

    DbSet<Post> Posts { get; }

    /// <summary>Files attached to posts, and uploads not posted yet.</summary>
    DbSet<Domain.Attachments.Attachment> Attachments { get; }

    /// <summary>Members' pictures (the bytes live in the attachment store).</summary>
    DbSet<Avatar> Avatars { get; }

    /// <summary>What members are writing and have not posted yet.</summary>
    DbSet<Domain.Drafts.Draft> Drafts { get; }

    DbSet<PostMention> PostMentions { get; }

    DbSet<ThreadParticipant> ThreadParticipants { get; }

    DbSet<ReciprocityRecord> ReciprocityRecords { get; }

    DbSet<Tie> Ties { get; }

    /// <summary>Pairs whose contact changed since the last structure pass.</summary>
    DbSet<PendingTieStructure> PendingTieStructure { get; }

    /// <summary>Members' choices about who sees their ties.</summary>
    DbSet<TiePreferences> TiePreferences { get; }

    /// <summary>Members' own ratings of their ties (private; the calibration's ground truth).</summary>
    DbSet<TieRating> TieRatings { get; }

    /// <summary>The calibrations of the tie model, adopted or not.</summary>
    DbSet<TieModelFit> TieModelFits { get; }

    DbSet<Domain.Organisations.Organisation> Organisations { get; }

    DbSet<Domain.Organisations.OrganisationDomain> OrganisationDomains { get; }

    DbSet<Domain.Organisations.OrganisationMembership> OrganisationMembers { get; }

    /// <summary>Member groups, with who is in them; spaces restricted to groups (issue 14).</summary>
    DbSet<Domain.Groups.MemberGroup> Groups { get; }

    /// <summary>Invite links for an invite-only community (issue 14).</summary>
    DbSet<Domain.Registration.Invite> Invites { get; }

    /// <summary>Members' private feed keys (issue 14).</summary>
    DbSet<FeedKey> FeedKeys { get; }
    /// <summary>The content filter's watched words and link rules (admins keep them).</summary>
    DbSet<Domain.Safety.WatchedWord> WatchedWords { get; }

    DbSet<Domain.Safety.LinkRule> LinkRules { get; }

    /// <summary>Members asked by staff to help with an unanswered thread.</summary>
    DbSet<Domain.Ties.Routing.HelpAsk> HelpAsks { get; }

    /// <summary>Threads of Ideas spaces as ideas: votes, statuses, merges (issue 15).</summary>
    DbSet<Domain.Ideas.Idea> Ideas { get; }

    DbSet<Domain.Ideas.IdeaVote> IdeaVotes { get; }

    DbSet<Domain.Ideas.IdeaStatusChange> IdeaStatusChanges { get; }

    /// <summary>New-thread forms that suggested existing threads, and what the asker opened (deflection).</summary>
    DbSet<Domain.Asking.AskingForm> AskingForms { get; }
    DbSet<PostRevision> PostRevisions { get; }

    DbSet<Flag> Flags { get; }

    /// <summary>The audit log of moderator and admin actions.</summary>
    DbSet<ModerationEntry> ModerationLog { get; }

    DbSet<CommunityValues> Values { get; }
    DbSet<Notification> Notifications { get; }

    DbSet<ThreadWatch> ThreadWatches { get; }

    DbSet<SpaceWatch> SpaceWatches { get; }

    /// <summary>Who ignores whom (issue 14): their posts collapse, their news never reaches the ignorer.</summary>
    DbSet<IgnoredMember> IgnoredMembers { get; }

    DbSet<NotificationPreference> NotificationPreferences { get; }

    DbSet<DigestSubscription> DigestSubscriptions { get; }

    DbSet<ThreadReadMark> ThreadReadMarks { get; }

    /// <summary>Tags, their groups, the threads that carry them and who watches them (issue 15).</summary>
    DbSet<Domain.Tags.Tag> Tags { get; }

    DbSet<Domain.Tags.TagGroup> TagGroups { get; }

    DbSet<Domain.Tags.ThreadTag> ThreadTags { get; }

    DbSet<Domain.Tags.TagWatch> TagWatches { get; }

    DbSet<QueuedEmail> Emails { get; }

    /// <summary>Webhooks (issue 17): the receivers admins registered, the events waiting to be fanned out to them,
    /// and each event's delivery to each receiver (the outbox and its log).</summary>
    DbSet<Domain.Webhooks.WebhookEndpoint> WebhookEndpoints { get; }

    DbSet<Domain.Webhooks.WebhookEvent> WebhookEvents { get; }

    DbSet<Domain.Webhooks.WebhookDelivery> WebhookDeliveries { get; }
    /// <summary>The support desk staff escalate threads to, and the threads escalated (issue 17).</summary>
    DbSet<Domain.Escalation.SupportDesk> SupportDesks { get; }

    DbSet<Domain.Escalation.ThreadEscalation> Escalations { get; }

    /// <summary>The sign-in accounts, read-only: address, confirmation and roles, to join into a query.</summary>
    IQueryable<AccountRecord> Accounts { get; }

    DbSet<FormerHandle> FormerHandles { get; }

    DbSet<AccountEvent> AccountEvents { get; }

    /// <summary>REST API tokens (hashes only).</summary>
    DbSet<Domain.ApiTokens.ApiToken> ApiTokens { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    /// <summary>The tracking entry of an entity, e.g. to state which version of it an edit started from.</summary>
    EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

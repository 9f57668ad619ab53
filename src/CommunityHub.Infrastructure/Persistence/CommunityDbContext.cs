using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Domain.Community;
using CommunityHub.Domain.Email;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Notifications;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Ties;
using CommunityHub.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Infrastructure.Persistence;

public sealed class CommunityDbContext(DbContextOptions<CommunityDbContext> options)
    : IdentityDbContext<CommunityUser, IdentityRole<Guid>, Guid>(options), ICommunityDb, IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every instance of the app.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Space> Spaces => Set<Space>();

    public DbSet<DiscussionThread> Threads => Set<DiscussionThread>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<Domain.Attachments.Attachment> Attachments => Set<Domain.Attachments.Attachment>();

    public DbSet<Domain.Drafts.Draft> Drafts => Set<Domain.Drafts.Draft>();

    public DbSet<Avatar> Avatars => Set<Avatar>();

    /// <summary>Attachments' bytes when they are kept in the database (the default store).</summary>
    public DbSet<Attachments.AttachmentBlob> AttachmentBlobs => Set<Attachments.AttachmentBlob>();

    public DbSet<PostMention> PostMentions => Set<PostMention>();

    public DbSet<ThreadParticipant> ThreadParticipants => Set<ThreadParticipant>();

    public DbSet<ReciprocityRecord> ReciprocityRecords => Set<ReciprocityRecord>();

    public DbSet<Tie> Ties => Set<Tie>();

    public DbSet<PendingTieStructure> PendingTieStructure => Set<PendingTieStructure>();

    public DbSet<TiePreferences> TiePreferences => Set<TiePreferences>();

    public DbSet<TieRating> TieRatings => Set<TieRating>();

    public DbSet<TieModelFit> TieModelFits => Set<TieModelFit>();

    public DbSet<Domain.Organisations.Organisation> Organisations => Set<Domain.Organisations.Organisation>();

    public DbSet<Domain.Organisations.OrganisationDomain> OrganisationDomains => Set<Domain.Organisations.OrganisationDomain>();

    public DbSet<Domain.Organisations.OrganisationMembership> OrganisationMembers => Set<Domain.Organisations.OrganisationMembership>();

    public DbSet<Domain.Groups.MemberGroup> Groups => Set<Domain.Groups.MemberGroup>();

    public DbSet<Domain.Registration.Invite> Invites => Set<Domain.Registration.Invite>();

    public DbSet<FeedKey> FeedKeys => Set<FeedKey>();

    public DbSet<Domain.ApiTokens.ApiToken> ApiTokens => Set<Domain.ApiTokens.ApiToken>();
    public DbSet<Domain.Safety.WatchedWord> WatchedWords => Set<Domain.Safety.WatchedWord>();

    public DbSet<Domain.Safety.LinkRule> LinkRules => Set<Domain.Safety.LinkRule>();

    public DbSet<Domain.Ties.Routing.HelpAsk> HelpAsks => Set<Domain.Ties.Routing.HelpAsk>();

    public DbSet<Domain.Ideas.Idea> Ideas => Set<Domain.Ideas.Idea>();

    public DbSet<Domain.Ideas.IdeaVote> IdeaVotes => Set<Domain.Ideas.IdeaVote>();

    public DbSet<Domain.Ideas.IdeaStatusChange> IdeaStatusChanges => Set<Domain.Ideas.IdeaStatusChange>();

    public DbSet<Domain.Asking.AskingForm> AskingForms => Set<Domain.Asking.AskingForm>();
    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();

    public DbSet<Flag> Flags => Set<Flag>();

    public DbSet<ModerationEntry> ModerationLog => Set<ModerationEntry>();

    public DbSet<CommunityValues> Values => Set<CommunityValues>();
    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<ThreadWatch> ThreadWatches => Set<ThreadWatch>();

    public DbSet<SpaceWatch> SpaceWatches => Set<SpaceWatch>();

    public DbSet<IgnoredMember> IgnoredMembers => Set<IgnoredMember>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<DigestSubscription> DigestSubscriptions => Set<DigestSubscription>();

    public DbSet<ThreadReadMark> ThreadReadMarks => Set<ThreadReadMark>();

    public DbSet<Domain.Tags.Tag> Tags => Set<Domain.Tags.Tag>();

    public DbSet<Domain.Tags.TagGroup> TagGroups => Set<Domain.Tags.TagGroup>();

    public DbSet<Domain.Tags.ThreadTag> ThreadTags => Set<Domain.Tags.ThreadTag>();

    public DbSet<Domain.Tags.TagWatch> TagWatches => Set<Domain.Tags.TagWatch>();

    public DbSet<QueuedEmail> Emails => Set<QueuedEmail>();

    // Webhooks (issue 17); configured in Infrastructure/Webhooks.
    public DbSet<Domain.Webhooks.WebhookEndpoint> WebhookEndpoints => Set<Domain.Webhooks.WebhookEndpoint>();

    public DbSet<Domain.Webhooks.WebhookEvent> WebhookEvents => Set<Domain.Webhooks.WebhookEvent>();

    public DbSet<Domain.Webhooks.WebhookDelivery> WebhookDeliveries => Set<Domain.Webhooks.WebhookDelivery>();
    public DbSet<Domain.Escalation.SupportDesk> SupportDesks => Set<Domain.Escalation.SupportDesk>();

    public DbSet<Domain.Escalation.ThreadEscalation> Escalations => Set<Domain.Escalation.ThreadEscalation>();

    public IQueryable<AccountRecord> Accounts => Set<AccountRecord>();

    public DbSet<FormerHandle> FormerHandles => Set<FormerHandle>();

    public DbSet<AccountEvent> AccountEvents => Set<AccountEvent>();

    public DbSet<Identity.Sessions.StoredSession> SignInSessions => Set<Identity.Sessions.StoredSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity's tables, named like ours so that SQL reads the same everywhere.
        builder.Entity<CommunityUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(CommunityDbContext).Assembly);
    }
}

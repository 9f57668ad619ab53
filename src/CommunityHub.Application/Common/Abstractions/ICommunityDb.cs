using CommunityHub.Domain.Members;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Spaces;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Ties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CommunityHub.Application.Common.Abstractions;

/// <summary>The part of the DbContext that use cases see. The PostgreSQL specifics stay in Infrastructure.</summary>
public interface ICommunityDb
{
    DbSet<Member> Members { get; }

    DbSet<Space> Spaces { get; }

    DbSet<DiscussionThread> Threads { get; }

    DbSet<Post> Posts { get; }

    DbSet<PostMention> PostMentions { get; }

    DbSet<ThreadParticipant> ThreadParticipants { get; }

    DbSet<ReciprocityRecord> ReciprocityRecords { get; }

    DbSet<Tie> Ties { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

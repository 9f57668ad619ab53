using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Events;
using CommunityHub.Application.Common.Persistence;
using CommunityHub.Application.Ideas;
using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Threads;
using CommunityHub.Domain.Ties;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Ties;

/// <summary>The one route into the tie store: every post and every reciprocity record, given or taken back, reaches
/// it through here, as the events their aggregates recorded. The events carry every fact the rules need (the
/// reply's placement was derived under the thread's lock), so nothing is read again; what they contribute is
/// gathered and applied once, after the use case's rows are saved (tie rows are always locked last). Staff notes
/// are conversations among the company's people that members never see: they build no ties.</summary>
public sealed class TieBookkeeping(ICommunityDb db, ITieStore store, IOptions<TieOptions> options)
    : IDomainEventSubscriber<ThreadStarted>,
      IDomainEventSubscriber<ReplyPosted>,
      IDomainEventSubscriber<ReciprocityGiven>,
      IDomainEventSubscriber<ReciprocityRetracted>,
      IDomainEventSubscriber<IdeaVoted>,
      IDomainEventSubscriber<IdeaVoteWithdrawn>,
      IDomainEventSubscriber<IdeaStatusChanged>,
      IDomainEventSubscriber<IdeasMerged>,
      IUnitOfWorkParticipant
{
    private readonly List<TieContribution> _gathered = [];

    public Task Handle(ThreadStarted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var opening = domainEvent.OpeningPost;
        db.ThreadParticipants.Add(new ThreadParticipant(opening.ThreadId, opening.AuthorId, opening.Id, domainEvent.At));
        Gather(TieRules.ForPost(new PostFacts(opening.AuthorId, domainEvent.At, TieRules.CountWords(opening.Body), null, null, Mentioned(opening), [], AuthorIsNewParticipant: false), options.Value));
        return Task.CompletedTask;
    }

    public Task Handle(ReplyPosted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var (reply, placement) = (domainEvent.Reply, domainEvent.Placement);
        if (reply.IsStaffNote)
        {
            return Task.CompletedTask;
        }

        if (placement.AuthorIsNewParticipant)
        {
            db.ThreadParticipants.Add(new ThreadParticipant(reply.ThreadId, reply.AuthorId, reply.Id, domainEvent.At));
        }

        Gather(TieRules.ForPost(
            new PostFacts(reply.AuthorId, domainEvent.At, TieRules.CountWords(reply.Body), placement.AddresseeId, placement.AnsweredPostAddresseeId,
                Mentioned(reply), placement.EarlierParticipants, placement.AuthorIsNewParticipant),
            options.Value));
        return Task.CompletedTask;
    }

    public Task Handle(ReciprocityGiven domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        Gather([TieEvents.Of(domainEvent.Record)]);
        return Task.CompletedTask;
    }

    public Task Handle(ReciprocityRetracted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        Gather([TieEvents.Of(domainEvent.Record).Retracted()]);
        return Task.CompletedTask;
    }

    public Task Handle(IdeaVoted domainEvent, CancellationToken cancellationToken) => GatherIdea(IdeaTieEvents.Of(domainEvent));

    public Task Handle(IdeaVoteWithdrawn domainEvent, CancellationToken cancellationToken) => GatherIdea(IdeaTieEvents.Of(domainEvent));

    public Task Handle(IdeaStatusChanged domainEvent, CancellationToken cancellationToken) => GatherIdea(IdeaTieEvents.Of(domainEvent));

    public Task Handle(IdeasMerged domainEvent, CancellationToken cancellationToken) => GatherIdea(IdeaTieEvents.Of(domainEvent));

    public Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_gathered.Count == 0)
        {
            return Task.CompletedTask;
        }

        var contributions = _gathered.ToList();
        _gathered.Clear();
        return store.ApplyAsync(contributions, cancellationToken);
    }

    public void Reset() => _gathered.Clear();

    /// <summary>Tie rows are locked last, after every other row the use case writes.</summary>
    public int Order => int.MaxValue;

    private static IReadOnlyCollection<Guid> Mentioned(Post post) => [.. post.Mentions.Select(m => m.MemberId)];

    private Task GatherIdea(IEnumerable<TieEvent> events)
    {
        Gather(events);
        return Task.CompletedTask;
    }

    private void Gather(IEnumerable<TieEvent> events) => _gathered.AddRange(events.Select(e => TieContribution.Of(e, options.Value)));
}

/// <summary>The tie event a reciprocity record stands for, at the time it was given (a retraction subtracts exactly that).</summary>
public static class TieEvents
{
    public static TieEvent Of(ReciprocityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Kind switch
        {
            ReciprocityKind.Helped => TieEvent.Helped(record.FromMemberId, record.ToMemberId, record.CreatedAt),
            ReciprocityKind.Thanks => TieEvent.Thanks(record.FromMemberId, record.ToMemberId, record.CreatedAt),
            ReciprocityKind.Reaction => TieEvent.Reaction(record.FromMemberId, record.ToMemberId, record.CreatedAt),
            ReciprocityKind.AcceptedAnswer => TieEvent.AcceptedAnswer(record.FromMemberId, record.ToMemberId, record.CreatedAt),
            _ => throw new ArgumentOutOfRangeException(nameof(record), record.Kind, "Unknown kind of record."),
        };
    }
}

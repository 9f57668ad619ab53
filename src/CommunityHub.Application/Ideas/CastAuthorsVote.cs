using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Events;
using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Application.Ideas;

/// <summary>A thread started in an Ideas space is an idea, and its author's vote is cast with it, as UserVoice
/// does: posting an idea is wanting it, every idea starts on the same footing (the one who wrote it up is one
/// supporter, not zero), and the author can take the vote back like anyone else.</summary>
public sealed class CastAuthorsVote(ICommunityDb db) : IDomainEventSubscriber<ThreadStarted>
{
    public Task Handle(ThreadStarted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (!domainEvent.Place.InIdeasSpace)
        {
            return Task.CompletedTask;
        }

        var idea = Idea.Of(domainEvent.ThreadId, domainEvent.AuthorId);
        var vote = idea.Vote(new Viewer(domainEvent.AuthorId, Powers.None), Standing.Good, votedAlready: false, domainEvent.At)!;
        db.Ideas.Add(idea);
        db.IdeaVotes.Add(vote);
        return Task.CompletedTask;
    }
}

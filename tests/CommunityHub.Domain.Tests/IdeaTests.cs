using CommunityHub.Domain.Common;
using CommunityHub.Domain.Ideas;
using CommunityHub.Domain.Members;
using static CommunityHub.Domain.Tests.Conversations;

namespace CommunityHub.Domain.Tests;

public sealed class IdeaTests
{
    private static Idea AnIdea() => Idea.Of(42, Guid.NewGuid());

    [Fact]
    public void A_member_votes_once_and_a_second_vote_is_still_one_vote()
    {
        var idea = AnIdea();
        var voter = AMember();

        var first = idea.Vote(voter, Standing.Good, votedAlready: false, Now);
        var second = idea.Vote(voter, Standing.Good, votedAlready: true, Now);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(1, idea.VoteCount);
        Assert.Single(idea.TakeDomainEvents().OfType<IdeaVoted>());
    }

    [Fact]
    public void A_vote_can_be_withdrawn_once_and_remembers_when_it_was_cast()
    {
        var idea = AnIdea();
        var voter = AMember();
        var vote = idea.Vote(voter, Standing.Good, false, Now)!;
        idea.TakeDomainEvents();

        Assert.True(idea.Withdraw(voter, vote, Now.AddDays(3)));
        Assert.False(idea.Withdraw(voter, null, Now.AddDays(3)));
        Assert.Equal(0, idea.VoteCount);
        var withdrawn = Assert.Single(idea.TakeDomainEvents().OfType<IdeaVoteWithdrawn>());
        Assert.Equal(Now, withdrawn.CastAt);
    }

    [Fact]
    public void Nobody_withdraws_someone_elses_vote_and_a_visitor_cannot_vote()
    {
        var idea = AnIdea();
        var vote = idea.Vote(AMember(), Standing.Good, false, Now)!;

        Assert.Throws<ForbiddenException>(() => idea.Withdraw(AMember(), vote, Now));
        Assert.Throws<ForbiddenException>(() => idea.Vote(Viewer.Anonymous, Standing.Good, false, Now));
        Assert.Equal(1, idea.VoteCount);
    }

    [Fact]
    public void Staff_set_a_status_with_a_public_note_and_a_member_or_moderator_cannot()
    {
        var idea = AnIdea();

        Assert.Throws<ForbiddenException>(() => idea.SetStatus(AMember(), IdeaStatus.Planned, "Soon", Now));
        Assert.Throws<ForbiddenException>(() => idea.SetStatus(AModerator(), IdeaStatus.Planned, "Soon", Now));
        Assert.Equal(IdeaStatus.New, idea.Status);

        var staff = AStaffMember();
        var change = idea.SetStatus(staff, IdeaStatus.Planned, "  Next quarter.  ", Now);

        Assert.Equal((IdeaStatus.Planned, "Next quarter.", staff.MemberId), (idea.Status, idea.StatusNote, idea.StatusChangedById));
        Assert.Equal((IdeaStatus.New, IdeaStatus.Planned), (change.From, change.To));
        Assert.Single(idea.TakeDomainEvents().OfType<IdeaStatusChanged>());
        Assert.Throws<DomainException>(() => idea.SetStatus(staff, IdeaStatus.Planned, "Next quarter.", Now));
    }

    [Fact]
    public void Merging_moves_the_votes_without_counting_anyone_twice()
    {
        var original = AnIdea();
        var duplicate = Idea.Of(43, Guid.NewGuid());
        var both = AMember();
        var onlyDuplicate = AMember();
        var onlyOriginal = AMember();
        original.Vote(both, Standing.Good, false, Now);
        original.Vote(onlyOriginal, Standing.Good, false, Now);
        var duplicateVotes = new[] { duplicate.Vote(both, Standing.Good, false, Now)!, duplicate.Vote(onlyDuplicate, Standing.Good, false, Now.AddHours(-5))! };

        var moved = duplicate.MergeInto(original, AModerator(), 7, 7, duplicateVotes, new HashSet<Guid> { both.MemberId!.Value }, Now);

        var vote = Assert.Single(moved);
        Assert.Equal((original.ThreadId, onlyDuplicate.MemberId!.Value, Now.AddHours(-5)), (vote.ThreadId, vote.MemberId, vote.CastAt));
        Assert.Equal(3, original.VoteCount);
        Assert.Equal(0, duplicate.VoteCount);
        Assert.Equal(original.ThreadId, duplicate.MergedIntoThreadId);
        Assert.Throws<DomainException>(() => duplicate.Vote(AMember(), Standing.Good, false, Now));
    }

    [Fact]
    public void Merging_is_refused_to_a_member_into_itself_across_spaces_and_twice()
    {
        var original = AnIdea();
        var duplicate = Idea.Of(43, Guid.NewGuid());
        var moderator = AModerator();

        Assert.Throws<ForbiddenException>(() => duplicate.MergeInto(original, AMember(), 7, 7, [], new HashSet<Guid>(), Now));
        Assert.Throws<ForbiddenException>(() => duplicate.MergeInto(original, AStaffMember(), 7, 7, [], new HashSet<Guid>(), Now));
        Assert.Throws<DomainException>(() => duplicate.MergeInto(duplicate, moderator, 7, 7, [], new HashSet<Guid>(), Now));
        Assert.Throws<DomainException>(() => duplicate.MergeInto(original, moderator, 7, 8, [], new HashSet<Guid>(), Now));
        Assert.Null(duplicate.MergedIntoThreadId);

        duplicate.MergeInto(original, moderator, 7, 7, [], new HashSet<Guid>(), Now);
        Assert.Throws<DomainException>(() => duplicate.MergeInto(original, moderator, 7, 7, [], new HashSet<Guid>(), Now));
        Assert.Throws<DomainException>(() => Idea.Of(44, Guid.NewGuid()).MergeInto(duplicate, moderator, 7, 7, [], new HashSet<Guid>(), Now));
    }

    [Fact]
    public void A_suspended_or_banned_member_cannot_vote_and_the_count_stays()
    {
        var idea = Idea.Of(1, Guid.NewGuid());
        var suspended = new Standing(false, Now.AddDays(3), "Spam", false);
        var banned = new Standing(true, null, "Abuse", false);

        Assert.Contains("suspended", Assert.Throws<DomainException>(() => idea.Vote(AMember(), suspended, false, Now)).Message, StringComparison.Ordinal);
        Assert.Contains("banned", Assert.Throws<DomainException>(() => idea.Vote(AMember(), banned, false, Now)).Message, StringComparison.Ordinal);
        Assert.Equal(0, idea.VoteCount);
        Assert.False(idea.HasDomainEvents);
        // Once the suspension has ended, they vote again.
        Assert.NotNull(idea.Vote(AMember(), suspended, false, Now.AddDays(4)));
        Assert.Equal(1, idea.VoteCount);
    }
}

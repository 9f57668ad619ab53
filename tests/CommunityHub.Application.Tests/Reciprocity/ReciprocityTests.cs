using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Reciprocity;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Domain.Ties;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Reciprocity;

public sealed class ReciprocityTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private Guid _alice;
    private Guid _bruno;
    private StartThread.Result _thread = null!;
    private long _opening;
    private long _brunosReply;

    /// <summary>Alice asks, Bruno answers; the test runs as Alice.</summary>
    private async Task AliceAsksBrunoAnswersAsync()
    {
        await CreateSpaceAsync();
        _alice = await RunAsNewMemberAsync("Alice");
        _thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Exporting", Body = "How do I export?", SubmissionId = Guid.NewGuid() });
        _bruno = await RunAsNewMemberAsync("Bruno");
        _brunosReply = (await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = _thread.ThreadId, Body = "Settings, then export.", SubmissionId = Guid.NewGuid() })).PostId;
        _opening = await QueryAsync(db => db.Posts.Where(p => p.ThreadId == _thread.ThreadId && p.IsOpeningPost).Select(p => p.Id).SingleAsync());
        RunAs(_alice);
    }

    private Task<List<ReciprocityRecord>> RecordsAsync(ReciprocityKind kind) =>
        QueryAsync(db => db.ReciprocityRecords.Where(r => r.Kind == kind).OrderBy(r => r.Id).ToListAsync());

    private async Task<double> ServiceFromBrunoToAliceAsync()
    {
        var pair = MemberPair.Of(_alice, _bruno);
        var tie = await QueryAsync(db => db.Ties.SingleAsync(t => t.MemberLowId == pair.Low && t.MemberHighId == pair.High));
        return _bruno == pair.Low ? tie.ServiceLowToHigh : tie.ServiceHighToLow;
    }

    [Fact]
    public async Task Member_can_mark_a_reply_as_helped_and_it_records_who_helped_whom()
    {
        await AliceAsksBrunoAnswersAsync();

        var result = await SendAsync(new MarkHelped.Command { PostId = _brunosReply });

        var record = Assert.Single(await RecordsAsync(ReciprocityKind.Helped));
        Assert.Equal((_alice, _bruno, _brunosReply, _thread.ThreadId), (record.FromMemberId, record.ToMemberId, record.PostId, record.ThreadId));
        Assert.Equal(Fixture.Clock.GetUtcNow(), record.CreatedAt);
        Assert.Equal(new AcknowledgementResult(_thread.ThreadId, "questions", _brunosReply), result);
        Assert.Equal(TieOptions.Default.HelpedService, await ServiceFromBrunoToAliceAsync(), 9);
    }

    [Fact]
    public async Task Marking_helped_twice_records_it_once()
    {
        await AliceAsksBrunoAnswersAsync();

        await SendAsync(new MarkHelped.Command { PostId = _brunosReply });
        await SendAsync(new MarkHelped.Command { PostId = _brunosReply });

        Assert.Single(await RecordsAsync(ReciprocityKind.Helped));
        Assert.Equal(TieOptions.Default.HelpedService, await ServiceFromBrunoToAliceAsync(), 9);
    }

    [Fact]
    public async Task Member_cannot_mark_their_own_reply_as_helped()
    {
        await AliceAsksBrunoAnswersAsync();
        RunAs(_bruno);

        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new MarkHelped.Command { PostId = _brunosReply }));

        Assert.Empty(await RecordsAsync(ReciprocityKind.Helped));
    }

    [Fact]
    public async Task Helped_is_for_replies_not_the_opening_post()
    {
        await AliceAsksBrunoAnswersAsync();
        RunAs(_bruno);

        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new MarkHelped.Command { PostId = _opening }));
    }

    [Fact]
    public async Task Anonymous_visitors_cannot_record_anything()
    {
        await AliceAsksBrunoAnswersAsync();
        RunAsAnonymous();

        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new MarkHelped.Command { PostId = _brunosReply }));
        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new ThankPost.Command { PostId = _brunosReply }));
        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new ReactToPost.Command { PostId = _brunosReply, Reaction = "agree" }));
        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new AcceptAnswer.Command { ThreadId = _thread.ThreadId, PostId = _brunosReply }));
    }

    [Fact]
    public async Task A_post_that_does_not_exist_is_not_found()
    {
        await AliceAsksBrunoAnswersAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new MarkHelped.Command { PostId = 987654 }));
    }

    [Fact]
    public async Task Taking_helped_back_keeps_the_record_as_taken_back_and_removes_the_service()
    {
        await AliceAsksBrunoAnswersAsync();
        await SendAsync(new MarkHelped.Command { PostId = _brunosReply });
        Fixture.Clock.Advance(TimeSpan.FromDays(3));

        await SendAsync(new MarkHelped.Command { PostId = _brunosReply, Helped = false });

        var record = Assert.Single(await RecordsAsync(ReciprocityKind.Helped));
        Assert.Equal(Fixture.Clock.GetUtcNow(), record.RetractedAt);
        Assert.Equal(0, await ServiceFromBrunoToAliceAsync(), 9);

        // And it can be given again: a new record.
        await SendAsync(new MarkHelped.Command { PostId = _brunosReply });
        Assert.Equal(2, (await RecordsAsync(ReciprocityKind.Helped)).Count);
    }

    [Fact]
    public async Task Member_can_thank_any_post_but_their_own_once()
    {
        await AliceAsksBrunoAnswersAsync();
        await SendAsync(new ThankPost.Command { PostId = _brunosReply });
        await SendAsync(new ThankPost.Command { PostId = _brunosReply });
        RunAs(_bruno);
        await SendAsync(new ThankPost.Command { PostId = _opening });

        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new ThankPost.Command { PostId = _brunosReply }));
        Assert.Equal(2, (await RecordsAsync(ReciprocityKind.Thanks)).Count);
    }

    [Fact]
    public async Task Reactions_toggle_one_at_a_time_and_only_from_the_fixed_set()
    {
        await AliceAsksBrunoAnswersAsync();

        await SendAsync(new ReactToPost.Command { PostId = _brunosReply, Reaction = "agree" });
        await SendAsync(new ReactToPost.Command { PostId = _brunosReply, Reaction = "heart" });
        await SendAsync(new ReactToPost.Command { PostId = _brunosReply, Reaction = "agree", On = false });
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new ReactToPost.Command { PostId = _brunosReply, Reaction = "<script>" }));

        var active = (await RecordsAsync(ReciprocityKind.Reaction)).Where(r => r.IsActive).Select(r => r.Reaction);
        Assert.Equal(["heart"], active);
        Assert.Contains(invalid.Errors, e => e.PropertyName == nameof(ReactToPost.Command.Reaction));
    }

    [Fact]
    public async Task The_starter_can_accept_an_answer_and_the_thread_is_solved()
    {
        await AliceAsksBrunoAnswersAsync();

        await SendAsync(new AcceptAnswer.Command { ThreadId = _thread.ThreadId, PostId = _brunosReply });

        Assert.Equal(_brunosReply, await QueryAsync(db => db.Threads.Where(t => t.Id == _thread.ThreadId).Select(t => t.AcceptedAnswerPostId).SingleAsync()));
        var record = Assert.Single(await RecordsAsync(ReciprocityKind.AcceptedAnswer));
        Assert.Equal((_alice, _bruno, _alice), (record.FromMemberId, record.ToMemberId, record.RecordedById));
        Assert.Equal(TieOptions.Default.AcceptedAnswerService, await ServiceFromBrunoToAliceAsync(), 9);
    }

    [Fact]
    public async Task A_moderator_can_accept_an_answer_for_the_starter()
    {
        await AliceAsksBrunoAnswersAsync();
        var morgan = await RunAsNewMemberAsync("Morgan", Roles.Moderator);

        await SendAsync(new AcceptAnswer.Command { ThreadId = _thread.ThreadId, PostId = _brunosReply });

        var record = Assert.Single(await RecordsAsync(ReciprocityKind.AcceptedAnswer));
        Assert.Equal((_alice, _bruno, morgan), (record.FromMemberId, record.ToMemberId, record.RecordedById));
    }

    [Theory]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Executive)]
    public async Task Member_cannot_accept_an_answer_on_someone_elses_thread(string role)
    {
        await AliceAsksBrunoAnswersAsync();
        await RunAsNewMemberAsync("Chloe", role);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new AcceptAnswer.Command { ThreadId = _thread.ThreadId, PostId = _brunosReply }));
        RunAs(_bruno);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new AcceptAnswer.Command { ThreadId = _thread.ThreadId, PostId = _brunosReply }));

        Assert.Empty(await RecordsAsync(ReciprocityKind.AcceptedAnswer));
    }

    [Fact]
    public async Task Accepting_another_reply_moves_the_answer_and_its_service()
    {
        await AliceAsksBrunoAnswersAsync();
        var chloe = await RunAsNewMemberAsync("Chloe");
        var chloesReply = (await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = _thread.ThreadId, Body = "Or the API.", SubmissionId = Guid.NewGuid() })).PostId;
        RunAs(_alice);
        await SendAsync(new AcceptAnswer.Command { ThreadId = _thread.ThreadId, PostId = _brunosReply });

        await SendAsync(new AcceptAnswer.Command { ThreadId = _thread.ThreadId, PostId = chloesReply });

        var records = await RecordsAsync(ReciprocityKind.AcceptedAnswer);
        Assert.Equal([(_bruno, false), (chloe, true)], records.Select(r => (r.ToMemberId, r.IsActive)));
        Assert.Equal(0, await ServiceFromBrunoToAliceAsync(), 9);
        Assert.Equal(chloesReply, await QueryAsync(db => db.Threads.Where(t => t.Id == _thread.ThreadId).Select(t => t.AcceptedAnswerPostId).SingleAsync()));
    }

    [Fact]
    public async Task Clearing_the_answer_leaves_the_thread_unsolved()
    {
        await AliceAsksBrunoAnswersAsync();
        await SendAsync(new AcceptAnswer.Command { ThreadId = _thread.ThreadId, PostId = _brunosReply });

        await SendAsync(new AcceptAnswer.Command { ThreadId = _thread.ThreadId, PostId = null });

        Assert.Null(await QueryAsync(db => db.Threads.Where(t => t.Id == _thread.ThreadId).Select(t => t.AcceptedAnswerPostId).SingleAsync()));
        // The acceptance stays on record, no longer in force, and Bruno's service to Alice goes with it.
        var records = await RecordsAsync(ReciprocityKind.AcceptedAnswer);
        Assert.Equal([(_bruno, _alice, false)], records.Select(r => (r.ToMemberId, r.FromMemberId, r.IsActive)));
        Assert.Equal(0, await ServiceFromBrunoToAliceAsync(), 9);
    }

    [Fact]
    public async Task The_starter_cannot_accept_their_own_reply_or_the_opening_post()
    {
        await AliceAsksBrunoAnswersAsync();
        var own = (await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = _thread.ThreadId, Body = "Found it myself.", SubmissionId = Guid.NewGuid() })).PostId;

        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new AcceptAnswer.Command { ThreadId = _thread.ThreadId, PostId = own }));
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new AcceptAnswer.Command { ThreadId = _thread.ThreadId, PostId = _opening }));
        Assert.Empty(await RecordsAsync(ReciprocityKind.AcceptedAnswer));
    }

    [Fact]
    public async Task An_answer_must_be_a_reply_in_the_thread()
    {
        await AliceAsksBrunoAnswersAsync();
        var other = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Other", Body = "Other?", SubmissionId = Guid.NewGuid() });
        RunAs(_bruno);
        var elsewhere = (await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = other.ThreadId, Body = "Elsewhere.", SubmissionId = Guid.NewGuid() })).PostId;
        RunAs(_alice);

        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new AcceptAnswer.Command { ThreadId = _thread.ThreadId, PostId = elsewhere }));
    }
}

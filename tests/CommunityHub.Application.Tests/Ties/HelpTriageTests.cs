using CommunityHub.Application.Reciprocity;
using CommunityHub.Application.Threads;
using CommunityHub.Application.Ties;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Ties;

/// <summary>"Unanswered, and who could help": suggestions from confirmed help in similar threads, asks and their outcomes.</summary>
public sealed class HelpTriageTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private Guid _bruno;
    private Guid _chloe;
    private long _open;

    /// <summary>Bruno's answer about exporting reports helped Alice; Chloe's about billing helped Dev. Then Erin asks about exporting.</summary>
    private async Task HistoryAndAnOpenQuestionAsync()
    {
        await CreateSpaceAsync();
        await CreateSpaceAsync("billing", "Billing", 2);
        var alice = await RunAsNewMemberAsync("Alice");
        var exporting = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Exporting reports to CSV", Body = "How do I export a report to CSV with its filters?", SubmissionId = Guid.NewGuid() });
        _bruno = await RunAsNewMemberAsync("Bruno");
        var answer = await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = exporting.ThreadId, Body = "Use Export view: it keeps the filters in the CSV.", SubmissionId = Guid.NewGuid() });
        RunAs(alice);
        await SendAsync(new AcceptAnswer.Command { ThreadId = exporting.ThreadId, PostId = answer.PostId });
        var dev = await RunAsNewMemberAsync("Dev");
        var billing = await SendAsync(new StartThread.Command { SpaceSlug = "billing", Title = "Invoice address", Body = "Where do I change the invoice address?", SubmissionId = Guid.NewGuid() });
        _chloe = await RunAsNewMemberAsync("Chloe");
        var billingAnswer = await SendAsync(new ReplyToThread.Command { SpaceSlug = "billing", ThreadId = billing.ThreadId, Body = "Under Billing, then Address.", SubmissionId = Guid.NewGuid() });
        RunAs(dev);
        await SendAsync(new MarkHelped.Command { PostId = billingAnswer.PostId });
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsNewMemberAsync("Erin");
        _open = (await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "CSV export loses filters", Body = "My report export to CSV ignores the filters. Why?", SubmissionId = Guid.NewGuid() })).ThreadId;
    }

    [Fact]
    public async Task Staff_see_unanswered_threads_with_those_whose_help_was_confirmed_in_similar_threads_first()
    {
        await HistoryAndAnOpenQuestionAsync();
        await RunAsNewMemberAsync("Sam", Roles.Staff);

        var triage = await SendAsync(new GetHelpTriage.Query());

        var open = Assert.Single(triage.Threads);
        Assert.Equal(_open, open.Id);
        Assert.Equal("bruno", open.Suggestions[0].Handle);
        Assert.DoesNotContain(open.Suggestions, s => s.Handle == "erin");
        Assert.True(open.Suggestions[0].Facts.Similarity > 0);
    }

    [Fact]
    public async Task Asking_for_help_notifies_the_member_once_records_the_ask_and_its_outcome()
    {
        await HistoryAndAnOpenQuestionAsync();
        var sam = await RunAsNewMemberAsync("Sam", Roles.Staff);

        Assert.True(await SendAsync(new AskForHelp.Command(_open, "bruno")));
        Assert.False(await SendAsync(new AskForHelp.Command(_open, "bruno")));

        var notifications = await QueryAsync(db => db.Notifications.Where(n => n.RecipientId == _bruno && n.Kind == NotificationKind.AskedForHelp).ToListAsync());
        Assert.Equal(sam, Assert.Single(notifications).ActorId);
        RunAs(_bruno);
        await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = _open, Body = "Use Export view.", SubmissionId = Guid.NewGuid() });
        Fixture.CurrentUser.ActAs(sam, Roles.Member, Roles.Staff);
        var health = await SendAsync(new GetCommunityHealth.Query());
        Assert.Equal((1, 1), (health.Asked.Threads, health.Asked.Answered));
        var measure = (await SendAsync(new GetHelpTriage.Query())).Measure;
        Assert.Equal(1, measure.WeakAsks + measure.StrongAsks);
        Assert.Equal(1, measure.WeakAnswered + measure.StrongAnswered);
    }

    [Fact]
    public async Task A_member_who_opted_out_is_neither_suggested_nor_asked()
    {
        await HistoryAndAnOpenQuestionAsync();
        RunAs(_bruno);
        await SendAsync(new AllowAsksForHelp.Command(false));
        await RunAsNewMemberAsync("Sam", Roles.Staff);

        var open = Assert.Single((await SendAsync(new GetHelpTriage.Query())).Threads);

        Assert.DoesNotContain(open.Suggestions, s => s.Handle == "bruno");
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new AskForHelp.Command(_open, "bruno")));
    }

    [Fact]
    public async Task Members_cannot_see_the_triage_or_ask_anyone_for_help()
    {
        await HistoryAndAnOpenQuestionAsync();
        RunAs(_chloe);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new GetHelpTriage.Query()));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new AskForHelp.Command(_open, "bruno")));
        RunAsAnonymous();
        await Assert.ThrowsAnyAsync<Exception>(() => SendAsync(new GetHelpTriage.Query()));
    }
}

using CommunityHub.Application.Members;
using CommunityHub.Application.Threads;
using CommunityHub.Application.Ties;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Ties;

/// <summary>Members are asked, now and then, how well they know someone they are tied to; the answers calibrate the model.</summary>
public sealed class TieCalibrationTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private Guid _alice;
    private Guid _bruno;

    private async Task AliceAndBrunoTalkAsync()
    {
        await CreateSpaceAsync();
        _alice = await RunAsNewMemberAsync("Alice");
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Exporting", Body = "How do I export?", SubmissionId = Guid.NewGuid() });
        _bruno = await RunAsNewMemberAsync("Bruno");
        await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = "Settings, then export.", SubmissionId = Guid.NewGuid() });
        RunAs(_alice);
        await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = "That worked, thank you!", SubmissionId = Guid.NewGuid() });
    }

    [Fact]
    public async Task A_member_is_never_asked_on_their_first_day()
    {
        await AliceAndBrunoTalkAsync();

        Assert.Null(await SendAsync(new GetTieQuestion.Query()));
        Assert.Null((await SendAsync(new GetProfile.Query("alice"))).TieQuestion);
    }

    [Fact]
    public async Task A_member_answers_one_question_a_week_about_one_of_their_ties_and_the_answer_is_theirs_alone()
    {
        await AliceAndBrunoTalkAsync();
        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        RunAs(_alice);

        var question = await SendAsync(new GetTieQuestion.Query());
        Assert.NotNull(question);
        Assert.Equal(("bruno", "Bruno"), (question.Handle, question.DisplayName));
        Assert.Equal(question, (await SendAsync(new GetProfile.Query("alice"))).TieQuestion);
        await SendAsync(new AnswerTieQuestion.Command("bruno", 3));

        var rating = await QueryAsync(db => db.TieRatings.SingleAsync());
        Assert.Equal((_alice, _bruno, 3), (rating.RaterId, rating.RatedId, rating.Rating));
        Assert.Null(await SendAsync(new GetTieQuestion.Query())); // rated, and not again this week
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new AnswerTieQuestion.Command("bruno", 4)));
        RunAs(_bruno);
        Assert.Null((await SendAsync(new GetProfile.Query("alice"))).TieQuestion); // asked only on one's own profile
    }

    [Fact]
    public async Task Skipping_counts_as_this_weeks_question_and_the_same_tie_can_come_back_a_week_later()
    {
        await AliceAndBrunoTalkAsync();
        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        RunAs(_alice);

        await SendAsync(new AnswerTieQuestion.Command("bruno", null));

        Assert.Empty(await QueryAsync(db => db.TieRatings.ToListAsync()));
        Assert.Null(await SendAsync(new GetTieQuestion.Query()));
        Fixture.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Null(await SendAsync(new GetTieQuestion.Query()));
        Fixture.Clock.Advance(TimeSpan.FromDays(1.1));
        Assert.Equal("bruno", (await SendAsync(new GetTieQuestion.Query()))?.Handle);
    }

    [Fact]
    public async Task A_member_who_switches_the_questions_off_is_not_asked_until_they_switch_them_on()
    {
        await AliceAndBrunoTalkAsync();
        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        RunAs(_alice);

        await SendAsync(new ChooseTieQuestions.Command(false));
        Assert.Null(await SendAsync(new GetTieQuestion.Query()));
        Assert.False((await SendAsync(new GetProfile.Query("alice"))).AnswersTieQuestions);

        await SendAsync(new ChooseTieQuestions.Command(true));
        Assert.NotNull(await SendAsync(new GetTieQuestion.Query()));
    }

    [Fact]
    public async Task A_members_ratings_are_in_their_data_download_and_go_with_their_account()
    {
        await AliceAndBrunoTalkAsync();
        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        RunAs(_alice);
        await SendAsync(new AnswerTieQuestion.Command("bruno", 4));

        using var download = new MemoryStream();
        await SendAsync(new DownloadMyData.Query(download));
        using var json = System.Text.Json.JsonDocument.Parse(download.ToArray());
        var given = Assert.Single(json.RootElement.GetProperty("tieRatings").EnumerateArray());
        Assert.Equal(("bruno", 4), (given.GetProperty("handle").GetString(), given.GetProperty("rating").GetInt32()));

        await SendAsync(new DeleteAccount.Command { Password = "correct horse battery", Confirm = true });
        Assert.Empty(await QueryAsync(db => db.TieRatings.ToListAsync()));
    }

    [Fact]
    public async Task Calibrating_on_too_few_ratings_keeps_the_model_in_force_records_the_run_and_an_admins_run_is_audited()
    {
        await AliceAndBrunoTalkAsync();
        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        RunAs(_alice);
        await SendAsync(new AnswerTieQuestion.Command("bruno", 3));
        var admin = await RunAsNewMemberAsync("Ada", Roles.Admin);

        var outcome = await SendAsync(new CalibrateTies.Command(CalibrateTies.Trigger.Admin));

        Assert.False(outcome.Fit!.Adopted);
        Assert.Contains("Too few ratings", outcome.Fit.Reason, StringComparison.Ordinal);
        var model = await SendAsync(new GetTieModel.Query());
        Assert.Null(model.InForce);
        Assert.Equal((1, 1), (model.Ratings, model.Raters));
        Assert.Equal("Ada", Assert.Single(model.History).TriggeredBy);
        var entry = await QueryAsync(db => db.ModerationLog.SingleAsync());
        Assert.Equal((admin, ModerationAction.CalibrateTieModel), (entry.ModeratorId, entry.Action));
    }

    [Fact]
    public async Task Only_admins_calibrate_and_see_the_tie_model()
    {
        await AliceAndBrunoTalkAsync();
        await RunAsNewMemberAsync("Morgan", Roles.Moderator);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new CalibrateTies.Command(CalibrateTies.Trigger.Admin)));
        await Assert.ThrowsAnyAsync<Exception>(() => SendAsync(new GetTieModel.Query()));
    }

    [Fact]
    public async Task The_weekly_run_calibrates_once_a_week()
    {
        await AliceAndBrunoTalkAsync();

        var first = await SendAsync(new CalibrateTies.Command(CalibrateTies.Trigger.Weekly));
        var again = await SendAsync(new CalibrateTies.Command(CalibrateTies.Trigger.Weekly));
        Fixture.Clock.Advance(TimeSpan.FromDays(7));
        var nextWeek = await SendAsync(new CalibrateTies.Command(CalibrateTies.Trigger.Weekly));

        Assert.NotNull(first.Fit);
        Assert.Null(again.Fit);
        Assert.NotNull(again.Skipped);
        Assert.NotNull(nextWeek.Fit);
        Assert.Equal("the weekly run", nextWeek.Fit.TriggeredBy);
    }
}

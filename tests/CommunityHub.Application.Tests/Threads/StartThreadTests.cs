using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Threads;
using CommunityHub.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Threads;

public sealed class StartThreadTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private static StartThread.Command NewThread(string title = "How do I export a report?", string body = "I need **CSV**.", string space = "questions") =>
        new() { SpaceSlug = space, Title = title, Body = body, SubmissionId = Guid.NewGuid() };

    [Fact]
    public async Task A_member_starts_a_thread_with_its_opening_post_and_the_space_counts_it()
    {
        var space = await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");

        var started = await SendAsync(NewThread(title: "  How do I export a report?  "));

        var thread = await QueryAsync(db => db.Threads.Include(t => t.Posts).SingleAsync(t => t.Id == started.ThreadId));
        Assert.Equal("How do I export a report?", thread.Title);
        Assert.Equal(alice, thread.AuthorId);
        var opening = Assert.Single(thread.Posts);
        Assert.Equal("<p>I need <strong>CSV</strong>.</p>\n", opening.BodyHtml);
        var counted = await QueryAsync(db => db.Spaces.SingleAsync(s => s.Id == space.Id));
        Assert.Equal(1, counted.ThreadCount);
        Assert.Equal(thread.Id, counted.LastActiveThreadId);
        Assert.Equal(Fixture.Clock.GetUtcNow(), counted.LastActivityAt);
    }

    [Fact]
    public async Task An_anonymous_visitor_cannot_start_a_thread()
    {
        await CreateSpaceAsync();

        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(NewThread()));
        Assert.Equal(0, await QueryAsync(db => db.Threads.CountAsync()));
    }

    [Theory]
    [InlineData("", "Body", "Title")]
    [InlineData("   ", "Body", "Title")]
    [InlineData("Title", "", "Body")]
    [InlineData("Title", " \n\t ", "Body")]
    public async Task Blank_titles_and_bodies_are_refused(string title, string body, string field)
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(NewThread(title, body)));

        Assert.Contains(refused.Errors, e => e.PropertyName == field);
        Assert.Equal(0, await QueryAsync(db => db.Threads.CountAsync()));
    }

    [Fact]
    public async Task Missing_fields_are_reported_not_crashed_on()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");

        // What model binding makes of blank form fields.
        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = null!, Body = null! }));

        Assert.Equal(["Body", "SubmissionId", "Title"], refused.Errors.Select(e => e.PropertyName).Order());
    }

    [Fact]
    public async Task Titles_over_200_and_bodies_over_50000_characters_are_refused()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(NewThread(
            new string('t', PostLimits.TitleMaxLength + 1), new string('b', PostLimits.BodyMaxLength + 1))));

        Assert.Equal(["Body", "Title"], refused.Errors.Select(e => e.PropertyName).Order());
        await SendAsync(NewThread(new string('t', PostLimits.TitleMaxLength), new string('b', PostLimits.BodyMaxLength)));
    }

    [Fact]
    public async Task An_unknown_space_is_not_found()
    {
        await RunAsNewMemberAsync("Alice");

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(NewThread(space: "no-such-space")));
    }

    [Fact]
    public async Task The_same_form_submitted_twice_starts_one_thread()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");
        var command = NewThread();

        var first = await SendAsync(command);
        var second = await SendAsync(command);

        Assert.Equal(first.ThreadId, second.ThreadId);
        Assert.Equal(1, await QueryAsync(db => db.Threads.CountAsync()));
        Assert.Equal(1, await QueryAsync(db => db.Spaces.Select(s => s.ThreadCount).SingleAsync()));
    }

    [Fact]
    public async Task Headings_in_a_post_stay_below_the_pages_own_headings()
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Alice");

        var started = await SendAsync(NewThread(body: "# Big\n\n## Smaller\n\n###### Tiny"));

        var html = await QueryAsync(db => db.Posts.Where(p => p.ThreadId == started.ThreadId).Select(p => p.BodyHtml).SingleAsync());
        Assert.Equal("<h4>Big</h4>\n<h5>Smaller</h5>\n<h6>Tiny</h6>\n", html);
    }

    [Theory]
    [InlineData("<script>window.__xss = 1</script>")]
    [InlineData("<img src=x onerror=\"window.__xss = 1\">")]
    [InlineData("[click me](javascript:window.__xss=1)")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public async Task No_script_event_handler_or_javascript_url_survives_into_the_stored_html(string body)
    {
        await CreateSpaceAsync();
        await RunAsNewMemberAsync("Mallory");

        var started = await SendAsync(NewThread(body: body));

        var html = await QueryAsync(db => db.Posts.Where(p => p.ThreadId == started.ThreadId).Select(p => p.BodyHtml).SingleAsync());
        Assert.Empty(HtmlSafety.Dangers(html));
        // The Markdown source is kept exactly as written.
        Assert.Equal(body, await QueryAsync(db => db.Posts.Where(p => p.ThreadId == started.ThreadId).Select(p => p.Body).SingleAsync()));
    }
}

using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Threads;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Members;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Threads;

public sealed class ThreadEventsTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    [Fact]
    public async Task Starting_a_thread_and_replying_tell_subscribers_what_happened_once_each()
    {
        await CreateSpaceAsync();
        var alice = await RunAsNewMemberAsync("Alice");
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Export", Body = "How do I export?", SubmissionId = Guid.NewGuid() });
        var bruno = await RunAsNewMemberAsync("Bruno");
        var submission = Guid.NewGuid();
        var reply = new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = "Like this.", SubmissionId = submission };

        var posted = await SendAsync(reply);
        await SendAsync(reply); // the same form again: no second post, so no second event

        var opening = await QueryAsync(db => db.Posts.Where(p => p.ThreadId == thread.ThreadId && p.IsOpeningPost).Select(p => p.Id).SingleAsync());
        // Each member's registration is an event of its own (the member.registered webhook), once each too.
        Assert.Collection(
            Fixture.Published.All,
            e => Assert.Equal((alice, "Alice"), (Assert.IsType<MemberRegistered>(e).MemberId, ((MemberRegistered)e).DisplayName)),
            e =>
            {
                var started = Assert.IsType<ThreadStarted>(e);
                Assert.Equal((thread.ThreadId, opening, alice, "Export"), (started.ThreadId, started.OpeningPost.Id, started.AuthorId, started.Thread.Title));
            },
            e => Assert.Equal((bruno, "Bruno"), (Assert.IsType<MemberRegistered>(e).MemberId, ((MemberRegistered)e).DisplayName)),
            e =>
            {
                var replied = Assert.IsType<ReplyPosted>(e);
                Assert.Equal((thread.ThreadId, posted.PostId, bruno, "Like this.", false), (replied.ThreadId, replied.PostId, replied.AuthorId, replied.Reply.Body, replied.IsStaffNote));
            });
    }

    [Theory]
    [InlineData(null, false, false)]
    [InlineData(Roles.Member, false, false)]
    [InlineData(Roles.Staff, true, false)]
    [InlineData(Roles.Executive, true, false)]
    [InlineData(Roles.Moderator, true, true)]
    [InlineData(Roles.Admin, true, true)]
    public void What_a_viewer_may_see_follows_their_roles(string? role, bool seesStaffNotes, bool seesHidden)
    {
        var user = new TestCurrentUser();
        if (role is null)
        {
            user.ActAsAnonymous();
        }
        else
        {
            user.ActAs(Guid.NewGuid(), Roles.Member, role);
        }

        var viewer = user.Viewer();

        Assert.Equal((seesStaffNotes, seesHidden), (viewer.IsStaffSide, viewer.Moderates));
    }
}

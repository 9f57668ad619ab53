using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application.Tests.Moderation;

/// <summary>Identity:RequireConfirmedEmail (on in the app, off in this fixture so other tests post at once).</summary>
public sealed class EmailConfirmationTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    private const string Setting = "Identity:RequireConfirmedEmail";

    [Fact]
    public void Confirmation_is_required_unless_the_settings_say_otherwise() =>
        Assert.True(new PostingOptions().RequireConfirmedEmail);

    [Fact]
    public async Task With_confirmation_required_an_unconfirmed_member_cannot_start_threads_reply_or_flag()
    {
        var c = await AConversationAsync();
        var chloe = await RunAsNewAsync("Chloe");
        var posts = await QueryAsync(db => db.Posts.CountAsync());
        using var required = Require(true);

        var start = await Assert.ThrowsAsync<DomainException>(() =>
            SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "A thread", Body = "Text", SubmissionId = Guid.NewGuid() }));
        var reply = await Assert.ThrowsAsync<DomainException>(() => SendAsync(Reply(c.Thread, "Me too")));
        var flag = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new FlagPost.Command { PostId = c.ReplyId, Reason = "Spam" }));

        Assert.All([start, reply, flag], refused => Assert.Equal(Standing.UnconfirmedEmailMessage, refused.Message));
        Assert.Equal(posts, await QueryAsync(db => db.Posts.CountAsync()));
        Assert.False(await QueryAsync(db => db.Flags.AnyAsync()));
        Assert.NotEqual(Guid.Empty, chloe);
    }

    [Fact]
    public async Task With_confirmation_required_a_confirmed_member_posts_and_flags()
    {
        var c = await AConversationAsync();
        var chloe = await RunAsNewAsync("Chloe");
        await ConfirmAsync(chloe);
        using var required = Require(true);

        await SendAsync(Reply(c.Thread, "Me too"));
        await SendAsync(new FlagPost.Command { PostId = c.ReplyId, Reason = "Spam" });

        Assert.True(await QueryAsync(db => db.Posts.AnyAsync(p => p.AuthorId == chloe)));
        Assert.True(await QueryAsync(db => db.Flags.AnyAsync(f => f.ReporterId == chloe)));
    }

    [Fact]
    public async Task Without_the_requirement_an_unconfirmed_member_posts()
    {
        var c = await AConversationAsync();
        var chloe = await RunAsNewAsync("Chloe");
        using var notRequired = Require(false);

        await SendAsync(Reply(c.Thread, "Me too"));

        Assert.True(await QueryAsync(db => db.Posts.AnyAsync(p => p.AuthorId == chloe)));
    }

    private async Task ConfirmAsync(Guid memberId)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CommunityUser>>();
        var user = await users.FindByIdAsync(memberId.ToString());
        var code = await users.GenerateEmailConfirmationTokenAsync(user!);
        Assert.True((await users.ConfirmEmailAsync(user!, code)).Succeeded);
    }

    /// <summary>Sets the requirement for one test (each use case reads its options afresh) and restores the fixture's.</summary>
    private Restore Require(bool required)
    {
        Fixture.Configuration[Setting] = required ? "true" : "false";
        return new Restore(Fixture);
    }

    private sealed class Restore(CommunityFixture fixture) : IDisposable
    {
        public void Dispose() => fixture.Configuration[Setting] = "false";
    }
}

using CommunityHub.Domain.Common;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Moderation;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Moderation;

public sealed class FlagTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    [Fact]
    public async Task Members_flag_a_post_once_and_moderators_see_open_flags_oldest_first()
    {
        var c = await AConversationAsync();
        RunAs(c.AliceId);
        var first = await FlagAsync(c.ReplyId, "Spam link");
        var again = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new FlagPost.Command { PostId = c.ReplyId, Reason = "Still spam" }));
        Fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        await RunAsNewAsync("Chloe");
        await SendAsync(new FlagPost.Command { PostId = c.OpeningId, Reason = "Duplicate question" });
        await SendAsync(new FlagPost.Command { PostId = c.ReplyId, Reason = "Advertising" });
        await RunAsNewAsync("Morgan", Roles.Moderator);

        var queue = await SendAsync(new GetOpenFlags.Query());

        Assert.Contains("already", again.Message, StringComparison.Ordinal);
        Assert.Equal(3, queue.OpenCount);
        Assert.Equal(["Spam link", "Duplicate question", "Advertising"], queue.Flags.Select(f => f.Reason));
        var oldest = queue.Flags[0];
        Assert.Equal((first, "Alice", "Bruno", 2, "How do I export?"), (oldest.Id, oldest.ReporterName, oldest.AuthorName, oldest.OpenFlagsOnPost, oldest.ThreadTitle));
    }

    [Fact]
    public async Task A_member_cannot_flag_their_own_post_and_an_anonymous_visitor_cannot_flag_at_all()
    {
        var c = await AConversationAsync();

        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new FlagPost.Command { PostId = c.ReplyId, Reason = "Oops" }));
        RunAsAnonymous();
        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new FlagPost.Command { PostId = c.ReplyId, Reason = "Spam" }));
        Assert.Equal(0, await QueryAsync(db => db.Flags.CountAsync()));
    }

    [Theory]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Executive)]
    public async Task Only_moderators_read_the_flag_queue_and_act_on_it(string role)
    {
        var c = await AConversationAsync();
        RunAs(c.AliceId);
        var flag = await FlagAsync(c.ReplyId, "Spam");
        await RunAsNewAsync("Someone", role);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new GetOpenFlags.Query()));
        foreach (var outcome in Enum.GetValues<ResolveFlag.Outcome>())
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new ResolveFlag.Command { FlagId = flag, Outcome = outcome, Reason = "x", Until = new DateOnly(2027, 1, 1) }));
        }

        Assert.Equal(1, await QueryAsync(db => db.Flags.CountAsync(f => f.ResolvedAt == null)));
    }

    [Fact]
    public async Task Hiding_the_post_from_the_queue_settles_every_flag_on_it()
    {
        var c = await AConversationAsync();
        RunAs(c.AliceId);
        var flag = await FlagAsync(c.ReplyId, "Spam");
        await RunAsNewAsync("Chloe");
        await SendAsync(new FlagPost.Command { PostId = c.ReplyId, Reason = "Advert" });
        var morgan = await RunAsNewAsync("Morgan", Roles.Moderator);

        await SendAsync(new ResolveFlag.Command { FlagId = flag, Outcome = ResolveFlag.Outcome.HidePost, Reason = "Advertising is not allowed here" });

        Assert.Empty((await SendAsync(new GetOpenFlags.Query())).Flags);
        var flags = await QueryAsync(db => db.Flags.ToListAsync());
        Assert.All(flags, f => Assert.Equal((FlagResolution.PostHidden, (Guid?)morgan), (f.Resolution!.Value, f.ResolvedById)));
        Assert.Equal("Advertising is not allowed here", await QueryAsync(db => db.Posts.Where(p => p.Id == c.ReplyId).Select(p => p.HiddenReason).SingleAsync()));
        Assert.Equal([ModerationAction.HidePost], (await AuditLogAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Dismissing_a_flag_leaves_the_post_alone_and_is_logged()
    {
        var c = await AConversationAsync();
        RunAs(c.AliceId);
        var flag = await FlagAsync(c.ReplyId, "I disagree");
        await RunAsNewAsync("Morgan", Roles.Moderator);

        await SendAsync(new ResolveFlag.Command { FlagId = flag, Outcome = ResolveFlag.Outcome.Dismiss });
        var twice = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new ResolveFlag.Command { FlagId = flag, Outcome = ResolveFlag.Outcome.Dismiss }));

        Assert.Contains("already", twice.Message, StringComparison.Ordinal);
        Assert.Null(await QueryAsync(db => db.Posts.Where(p => p.Id == c.ReplyId).Select(p => p.HiddenAt).SingleAsync()));
        Assert.Equal((ModerationAction.DismissFlag, c.ReplyId), Assert.Single(await AuditLogAsync()) is var e ? (e.Action, e.PostId!.Value) : default);
    }

    [Fact]
    public async Task Warning_the_author_from_the_queue_is_published_for_them_and_logged()
    {
        var c = await AConversationAsync();
        RunAs(c.AliceId);
        var flag = await FlagAsync(c.ReplyId, "Rude");
        var morgan = await RunAsNewAsync("Morgan", Roles.Moderator);

        await SendAsync(new ResolveFlag.Command { FlagId = flag, Outcome = ResolveFlag.Outcome.WarnAuthor, Reason = "Please keep it civil" });

        var warned = Assert.Single(Fixture.Published.All.OfType<MemberModerated>());
        Assert.Equal((morgan, c.BrunoId, ModerationAction.WarnMember, "Please keep it civil", (long?)c.ReplyId),
            (warned.ModeratorId, warned.MemberId, warned.Action, warned.Reason, warned.PostId));
        Assert.Equal(FlagResolution.AuthorWarned, await QueryAsync(db => db.Flags.Select(f => f.Resolution).SingleAsync()));
    }

    [Fact]
    public async Task Suspending_the_author_from_the_queue_stops_them_posting_until_the_date()
    {
        var c = await AConversationAsync();
        RunAs(c.AliceId);
        var flag = await FlagAsync(c.ReplyId, "Harassment");
        await RunAsNewAsync("Morgan", Roles.Moderator);

        var noDate = await Assert.ThrowsAsync<ValidationException>(() =>
            SendAsync(new ResolveFlag.Command { FlagId = flag, Outcome = ResolveFlag.Outcome.SuspendAuthor, Reason = "Harassment" }));
        await SendAsync(new ResolveFlag.Command { FlagId = flag, Outcome = ResolveFlag.Outcome.SuspendAuthor, Reason = "Harassment", Until = new DateOnly(2026, 11, 30) });

        RunAs(c.BrunoId);
        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(Reply(c.Thread)));
        Assert.Equal(nameof(SanctionMember.Command.Until), noDate.Errors.Single().PropertyName);
        Assert.Equal("You are suspended from posting until 30 November 2026, 00:00 UTC. Reason: Harassment. You can still read in the meantime.", refused.Message);
    }
}

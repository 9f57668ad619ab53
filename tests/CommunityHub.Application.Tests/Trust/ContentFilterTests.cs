using CommunityHub.Application.Administration;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Safety;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Trust;

public sealed class ContentFilterTests(CommunityFixture fixture) : TrustTest(fixture)
{
    private static StartThread.Command Thread(string title, string body) =>
        new() { SpaceSlug = "questions", Title = title, Body = body, SubmissionId = Guid.NewGuid() };

    private async Task<Guid> AnAdminWithRulesAsync()
    {
        await CreateSpaceAsync();
        var admin = await RunAsNewAsync("Ada", Roles.Admin);
        await SendAsync(new WatchWord.Command { Pattern = "casino", Action = WatchedWordAction.Block, Message = "No gambling talk here, please." });
        await SendAsync(new WatchWord.Command { Pattern = "refund", Action = WatchedWordAction.RequireApproval });
        await SendAsync(new WatchWord.Command { Pattern = @"\bd[a4]mn\b", IsPattern = true, Action = WatchedWordAction.Replace, Replacement = "darn" });
        await SendAsync(new AddLinkRule.Command { Host = "https://www.spam.test/path", Kind = LinkRuleKind.Block });
        await SendAsync(new AddLinkRule.Command { Host = "docs.example.com", Kind = LinkRuleKind.Allow });
        return admin;
    }

    [Fact]
    public async Task Watched_words_block_with_their_message_hold_for_approval_or_are_replaced()
    {
        await AnAdminWithRulesAsync();
        var nina = await RunAsNewAsync("Nina");
        await RunAsNewAsync("Mona", Roles.Moderator);
        await SendAsync(new LockTrustLevel.Command { MemberId = nina, Level = Domain.Trust.TrustLevel.Member });
        RunAs(nina);
        ShippedTrustRules();

        var blocked = await Assert.ThrowsAsync<DomainException>(() => SendAsync(Thread("Best CASINO bonus", "Come and play")));
        Assert.Equal("No gambling talk here, please.", blocked.Message);
        var held = await SendAsync(Thread("Billing", "I want a refund for last month"));
        var replaced = await SendAsync(Thread("Printing", "This d4mn printer jams, damnation aside"));

        var heldPost = await QueryAsync(db => db.Posts.SingleAsync(p => p.ThreadId == held.ThreadId));
        Assert.True(heldPost.AwaitingApproval);
        Assert.Contains("atched word \u201crefund\u201d", heldPost.ApprovalNote, StringComparison.Ordinal);
        var replacedPost = await QueryAsync(db => db.Posts.SingleAsync(p => p.ThreadId == replaced.ThreadId));
        Assert.Equal("This darn printer jams, damnation aside", replacedPost.Body);
        Assert.False(replacedPost.AwaitingApproval);
        Assert.Equal(2, await QueryAsync(db => db.Posts.CountAsync()));
    }

    [Fact]
    public async Task A_blocked_site_refuses_the_post_and_an_allowed_one_does_not_count_against_a_new_member()
    {
        await AnAdminWithRulesAsync();
        await RunAsNewAsync("Nina");
        ShippedTrustRules();
        var blocked = await Assert.ThrowsAsync<DomainException>(() => SendAsync(Thread("Look", "See http://shop.spam.test/deal")));
        Assert.Contains("spam.test", blocked.Message, StringComparison.Ordinal);

        await SendAsync(Thread("Docs", "https://docs.example.com/a https://docs.example.com/b https://docs.example.com/c and https://other.test/x"));
        Assert.Equal(1, await QueryAsync(db => db.Posts.CountAsync()));
    }

    [Fact]
    public async Task Every_change_to_the_filter_is_in_the_audit_log_and_only_admins_make_them()
    {
        var admin = await AnAdminWithRulesAsync();
        var rules = await SendAsync(new GetContentFilter.Query());
        await SendAsync(new RemoveFilterRule.Command { WordId = rules.Words.Single(w => w.Pattern == "refund").Id });
        var log = await AuditLogAsync();
        Assert.Equal(6, log.Count(e => e.Action == ModerationAction.EditContentFilter && e.ModeratorId == admin));
        Assert.Contains(log, e => e.Detail == "blocks links to spam.test");

        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new WatchWord.Command { Pattern = "(unclosed", IsPattern = true, Action = WatchedWordAction.Block }));
        foreach (var role in new[] { Roles.Member, Roles.Moderator, Roles.Staff })
        {
            await RunAsNewAsync("Someone " + role, role);
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new WatchWord.Command { Pattern = "x", Action = WatchedWordAction.Block }));
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new AddLinkRule.Command { Host = "a.test", Kind = LinkRuleKind.Block }));
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new RemoveFilterRule.Command { LinkRuleId = rules.Links[0].Id }));
        }
    }
}

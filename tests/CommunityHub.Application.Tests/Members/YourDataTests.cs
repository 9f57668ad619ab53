using CommunityHub.Domain.Common;
using System.Text;
using System.Text.Json;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Members;
using CommunityHub.Application.Moderation;
using CommunityHub.Application.Reciprocity;
using CommunityHub.Application.Tests.Moderation;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Domain.Notifications;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Members;

public sealed class YourDataTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_member_downloads_what_they_wrote_and_what_was_recorded_about_them()
    {
        var c = await AConversationAsync();
        await ExecuteSqlAsync($"INSERT INTO post_revisions (post_id, body, body_html, written_at, replaced_by_id, replaced_at) VALUES ({c.ReplyId}, 'Under Export, I think.', '<p>Under Export, I think.</p>', now(), {c.BrunoId}, now())");
        await SendAsync(new FlagPost.Command { PostId = c.OpeningId, Reason = "Asked twice already." });
        RunAs(c.AliceId);
        await SendAsync(new ThankPost.Command { PostId = c.ReplyId });
        await SendAsync(Reply(c.Thread, "Found it, thanks!"));
        await RunAsNewAsync("Morgan", Roles.Moderator);
        await SendAsync(new SanctionMember.Command { MemberId = c.BrunoId, Sanction = SanctionMember.Sanction.Warn, Reason = "Be kind." });

        RunAs(c.BrunoId);
        using var data = await DownloadAsync();
        var root = data.RootElement;

        Assert.Equal("communityhub-member-data", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("Bruno", root.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Contains("Member", root.GetProperty("profile").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var post = Assert.Single(root.GetProperty("posts").EnumerateArray());
        Assert.Equal("Under the Export menu.", post.GetProperty("body").GetString());
        Assert.Equal("How do I export?", post.GetProperty("thread").GetString());
        Assert.Equal("Under Export, I think.", Assert.Single(root.GetProperty("postRevisions").EnumerateArray()).GetProperty("body").GetString());
        var help = Assert.Single(root.GetProperty("helpReceived").EnumerateArray());
        Assert.Equal(("Thanks", "Alice"), (help.GetProperty("kind").GetString(), help.GetProperty("from").GetString()));
        Assert.Empty(root.GetProperty("helpGiven").EnumerateArray());
        var tie = Assert.Single(root.GetProperty("ties").EnumerateArray());
        Assert.Equal("Alice", tie.GetProperty("with").GetString());
        Assert.True(tie.GetProperty("strength").GetDouble() > 0);
        Assert.True(tie.TryGetProperty("intimacy", out _) && tie.TryGetProperty("reciprocalServices", out _) && tie.TryGetProperty("time", out _));
        Assert.NotEmpty(root.GetProperty("notifications").EnumerateArray()); // Alice's reply in the thread Bruno watches
        Assert.Equal("Asked twice already.", Assert.Single(root.GetProperty("flagsRaised").EnumerateArray()).GetProperty("reason").GetString());
        Assert.Equal("WarnMember", Assert.Single(root.GetProperty("moderation").EnumerateArray()).GetProperty("action").GetString());
        Assert.Contains(root.GetProperty("watchedThreads").EnumerateArray(), w => w.GetProperty("thread").GetString() == "How do I export?");
    }

    [Fact]
    public async Task The_download_holds_nothing_of_another_member()
    {
        var c = await AConversationAsync();
        RunAs(c.AliceId);
        await SendAsync(new ThankPost.Command { PostId = c.ReplyId });
        var aliceEmail = await EmailOfAsync(c.AliceId);
        var brunoStamp = await QueryAsync(db => db.Users.Where(u => u.Id == c.BrunoId).Select(u => u.SecurityStamp).SingleAsync());

        RunAs(c.BrunoId);
        var text = Encoding.UTF8.GetString(await DownloadBytesAsync());

        Assert.DoesNotContain("Where is the export?", text, StringComparison.Ordinal); // Alice's opening post
        Assert.DoesNotContain(aliceEmail, text, StringComparison.Ordinal);
        Assert.DoesNotContain(c.AliceId.ToString(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(brunoStamp!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", text, StringComparison.Ordinal);
        using var data = JsonDocument.Parse(text);
        // Alice was told of Bruno's reply; that notification is hers, not his.
        Assert.DoesNotContain(data.RootElement.GetProperty("notifications").EnumerateArray(), n => n.GetProperty("kind").GetString() == nameof(NotificationKind.ReplyToYourThread));
    }

    [Fact]
    public async Task Anonymous_visitors_get_no_data()
    {
        RunAsAnonymous();
        await Assert.ThrowsAsync<NotSignedInException>(DownloadBytesAsync);
    }

    [Fact]
    public async Task A_member_deletes_their_account_and_their_posts_stay_as_by_former_member()
    {
        var c = await AConversationAsync();
        var email = await EmailOfAsync(c.BrunoId);
        await ExecuteSqlAsync($"INSERT INTO email_outbox (to_address, to_name, subject, text_body, html_body, purpose, created_at, attempts, next_attempt_at) VALUES ({email}, 'Bruno', 'Digest', 'x', 'x', 'Digest', now(), 0, now())");
        Assert.True(await QueryAsync(db => db.ThreadWatches.AnyAsync(w => w.MemberId == c.BrunoId)));

        await SendAsync(new DeleteAccount.Command { Password = Password, Confirm = true });

        var member = await QueryAsync(db => db.Members.SingleAsync(m => m.Id == c.BrunoId));
        Assert.Equal("former member", member.DisplayName);
        Assert.NotNull(member.FormerAt);
        Assert.StartsWith("former-", member.Handle, StringComparison.Ordinal);
        Assert.False(await QueryAsync(db => db.Users.AnyAsync(u => u.Id == c.BrunoId)));
        Assert.False(await QueryAsync(db => db.UserRoles.AnyAsync(u => u.UserId == c.BrunoId)));
        Assert.False(await QueryAsync(db => db.ThreadWatches.AnyAsync(w => w.MemberId == c.BrunoId)));
        Assert.False(await QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == c.BrunoId)));
        Assert.False(await QueryAsync(db => db.Emails.AnyAsync(e => e.ToAddress == email)));
        Assert.True(await QueryAsync(db => db.Ties.AnyAsync(t => t.MemberLowId == c.BrunoId || t.MemberHighId == c.BrunoId)));

        RunAsAnonymous();
        var page = await ReadThreadAsync(c.Thread);
        var reply = Assert.Single(page.Replies);
        Assert.Equal(("former member", "Under the Export menu."), (reply.AuthorName, StripTags(reply.BodyHtml)));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetProfile.Query("bruno")));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetProfile.Query(member.Handle)));

        // The address is free again, and so is the handle.
        var again = await SendAsync(new RegisterMember.Command { DisplayName = "Bruno", Email = email, Password = Password });
        Assert.NotEqual(c.BrunoId, again);
        Assert.Equal("bruno", await QueryAsync(db => db.Members.Where(m => m.Id == again).Select(m => m.Handle).SingleAsync()));
    }

    [Fact]
    public async Task A_wrong_password_or_no_confirmation_deletes_nothing()
    {
        var c = await AConversationAsync();

        var wrong = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new DeleteAccount.Command { Password = "not my password", Confirm = true }));
        var unconfirmed = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new DeleteAccount.Command { Password = Password, Confirm = false }));
        RunAsAnonymous();
        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new DeleteAccount.Command { Password = Password, Confirm = true }));

        Assert.Contains(wrong.Errors, e => e.PropertyName == nameof(DeleteAccount.Command.Password));
        Assert.Contains(unconfirmed.Errors, e => e.PropertyName == nameof(DeleteAccount.Command.Confirm));
        Assert.True(await QueryAsync(db => db.Users.AnyAsync(u => u.Id == c.BrunoId)));
        Assert.Equal("Bruno", await QueryAsync(db => db.Members.Where(m => m.Id == c.BrunoId).Select(m => m.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task The_last_admin_cannot_delete_their_account_but_one_of_two_can()
    {
        var ada = await RunAsNewAsync("Ada", Roles.Admin);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new DeleteAccount.Command { Password = Password, Confirm = true }));
        Assert.Contains(refused.Errors, e => e.ErrorMessage == DeleteAccount.LastAdminRefusal);
        Assert.True(await QueryAsync(db => db.Users.AnyAsync(u => u.Id == ada)));

        await RunAsNewAsync("Zoe", Roles.Admin);
        RunAs(ada, Roles.Admin);
        await SendAsync(new DeleteAccount.Command { Password = Password, Confirm = true });
        Assert.False(await QueryAsync(db => db.Users.AnyAsync(u => u.Id == ada)));
    }

    [Fact]
    public async Task An_admin_purges_a_former_members_posts_and_it_is_in_the_audit_log()
    {
        var c = await AConversationAsync();
        RunAs(c.AliceId);
        await SendAsync(Reply(c.Thread, "Thanks, found it."));
        await SendAsync(new DeleteAccount.Command { Password = Password, Confirm = true });
        var admin = await RunAsNewAsync("Ada", Roles.Admin);

        var purged = await SendAsync(new PurgeFormerMember.Command(c.AliceId));

        Assert.Equal((2, 1), (purged.Posts, purged.Threads));
        var posts = await QueryAsync(db => db.Posts.Where(p => p.AuthorId == c.AliceId).ToListAsync());
        Assert.All(posts, p => Assert.True(p.DeletedAt is not null && p.Body.Length == 0));
        Assert.Equal(PurgeFormerMember.RemovedThreadTitle, await QueryAsync(db => db.Threads.Where(t => t.Id == c.Thread.ThreadId).Select(t => t.Title).SingleAsync()));
        var page = await ReadThreadAsync(c.Thread);
        Assert.Equal(2, page.Replies.Count); // Bruno's reply stays; Alice's is a placeholder
        Assert.Equal("Under the Export menu.", StripTags(page.Replies[0].BodyHtml));
        Assert.True(page.Replies[1].IsDeleted);
        Assert.Equal(2, page.ReplyCount);
        var entry = (await AuditLogAsync()).Last();
        Assert.Equal((ModerationAction.PurgeMember, admin, c.AliceId), (entry.Action, entry.ModeratorId, entry.MemberId));
    }

    [Fact]
    public async Task Only_an_admin_purges_and_only_a_former_member()
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Morgan", Roles.Moderator);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new PurgeFormerMember.Command(c.BrunoId)));
        await RunAsNewAsync("Ada", Roles.Admin);
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new PurgeFormerMember.Command(c.BrunoId)));

        Assert.Equal("Under the Export menu.", await QueryAsync(db => db.Posts.Where(p => p.Id == c.ReplyId).Select(p => p.Body).SingleAsync()));
        Assert.DoesNotContain(await AuditLogAsync(), e => e.Action == ModerationAction.PurgeMember);
    }

    private Task<string> EmailOfAsync(Guid memberId) => QueryAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.Email!).SingleAsync());

    private async Task<byte[]> DownloadBytesAsync()
    {
        using var output = new MemoryStream();
        await SendAsync(new DownloadMyData.Query(output));
        return output.ToArray();
    }

    private async Task<JsonDocument> DownloadAsync() => JsonDocument.Parse(await DownloadBytesAsync());

    private static string StripTags(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", string.Empty).Trim();
}

using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Feeds;
using CommunityHub.Application.Groups;
using CommunityHub.Application.Members;
using CommunityHub.Application.Search;
using CommunityHub.Application.Spaces;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Spaces;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Registration;

/// <summary>A members-only space exists for signed-in members and the staff side only: a visitor finds it nowhere
/// (space list, space page, thread page, search, feeds, profile); a member's private feed key shows it to their reader.</summary>
public sealed class MembersOnlySpaceTests(CommunityFixture fixture) : ConversationTest(fixture)
{
    private sealed record Setting(long OpenThread, long MembersThread, Guid Alice, string AliceHandle);

    /// <summary>Alice posts a "zebra" thread in an open space and one in a members-only space.</summary>
    private async Task<Setting> TwoSpacesAsync()
    {
        await CreateSpaceAsync();
        var customers = await CreateSpaceAsync("customers", "Customers", 2);
        await RunAsNewMemberAsync("Ada", Roles.Admin);
        await SendAsync(new RestrictSpace.Command { SpaceId = customers.Id, Audience = SpaceAudience.Members });
        var alice = await RunAsNewMemberAsync("Alice");
        var open = await StartThreadAsync("Open zebra", "A zebra for everyone.");
        var members = await StartThreadAsync("Members zebra", "A zebra for members.", "customers");
        var handle = await QueryAsync(db => db.Members.Where(m => m.Id == alice).Select(m => m.Handle).SingleAsync());
        return new Setting(open, members, alice, handle);
    }

    [Fact]
    public async Task A_visitor_finds_a_members_only_space_and_its_posts_nowhere()
    {
        var setting = await TwoSpacesAsync();

        RunAsAnonymous();
        Assert.Equal(["questions"], (await SendAsync(new ListSpaces.Query())).Select(s => s.Slug));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetSpace.Query("customers")));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetThread.Query(setting.MembersThread)));
        Assert.Equal([setting.OpenThread], (await SendAsync(new SearchPosts.Query("zebra"))).Results.Select(r => r.ThreadId));
        Assert.Equal([setting.OpenThread], (await SendAsync(new GetFeed.Query())).Entries.Select(e => e.ThreadId));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetFeed.Query("customers")));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetFeed.Query("customers", setting.MembersThread)));
        var profile = await SendAsync(new GetProfile.Query(setting.AliceHandle));
        Assert.Equal((1, 1), (profile.Posts, profile.ThreadsStarted));
    }

    [Fact]
    public async Task A_signed_in_member_sees_it_everywhere_marked_for_members()
    {
        var setting = await TwoSpacesAsync();

        await RunAsNewMemberAsync("Bruno");
        var spaces = await SendAsync(new ListSpaces.Query());
        Assert.Equal(["questions", "customers"], spaces.Select(s => s.Slug));
        Assert.Equal([Space.MembersLabel], spaces[1].PrivateTo);
        Assert.Equal(setting.MembersThread, (await SendAsync(new GetThread.Query(setting.MembersThread))).Id);
        Assert.Equal(2, (await SendAsync(new SearchPosts.Query("zebra"))).Results.Count);
        Assert.Equal((2, 2), ((await SendAsync(new GetProfile.Query(setting.AliceHandle))).Posts, (await SendAsync(new GetProfile.Query(setting.AliceHandle))).ThreadsStarted));
    }

    [Fact]
    public async Task A_members_private_feed_shows_what_they_may_see_until_they_make_a_new_key()
    {
        var setting = await TwoSpacesAsync();
        await RunAsNewMemberAsync("Bruno");
        Assert.Null(await SendAsync(new PrivateFeedKey.Query()));
        var key = await SendAsync(new PrivateFeedKey.Renew());

        RunAsAnonymous();
        Assert.Equal(new[] { setting.OpenThread, setting.MembersThread }.Order(), (await SendAsync(new GetFeed.Query(Key: key))).Entries.Select(e => e.ThreadId).Order());
        Assert.Equal([setting.MembersThread], (await SendAsync(new GetFeed.Query("customers", Key: key))).Entries.Select(e => e.ThreadId));

        RunAs((await QueryAsync(db => db.FeedKeys.SingleAsync())).MemberId);
        var renewed = await SendAsync(new PrivateFeedKey.Renew());
        RunAsAnonymous();
        Assert.NotEqual(key, renewed);
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetFeed.Query(Key: key)));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetFeed.Query(Key: "forged-key-forged-key-forged-key")));
        Assert.Equal(2, (await SendAsync(new GetFeed.Query(Key: renewed))).Entries.Count);
    }

    [Fact]
    public async Task A_visitor_has_no_feed_key_to_ask_for_and_a_lower_role_cannot_change_who_sees_a_space()
    {
        var customers = await CreateSpaceAsync("customers", "Customers", 2);
        RunAsAnonymous();
        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new PrivateFeedKey.Renew()));
        foreach (var role in new[] { Roles.Member, Roles.Moderator, Roles.Staff })
        {
            await RunAsNewMemberAsync($"Not an admin {role}", role);
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new RestrictSpace.Command { SpaceId = customers.Id, Audience = SpaceAudience.Members }));
        }

        Assert.False(await QueryAsync(db => db.Spaces.Where(s => s.Id == customers.Id).Select(s => s.MembersOnly).SingleAsync()));
    }
}

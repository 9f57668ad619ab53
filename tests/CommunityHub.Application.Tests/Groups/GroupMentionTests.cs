using CommunityHub.Application.Account;
using CommunityHub.Application.Groups;
using CommunityHub.Application.Members;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Groups;

/// <summary>@group mentions on PostgreSQL: a post by someone the group's setting allows tells the group's members who may
/// read it (not a private space's outsiders, not one who ignores the author, never the author), as a mention that is
/// no personal address (no PostMention); from anyone else it tells nobody and is no error.</summary>
public sealed class GroupMentionTests(CommunityFixture fixture) : ConversationTest(fixture)
{
    private sealed record Cast(Guid Ada, int Group, Guid Bea, Guid Carl, Guid Dan);

    /// <summary>Ada (admin) makes "Beta programme" with Bea and Carl in it, mentionable as @beta by <paramref name="who"/>; Dan is outside.</summary>
    private async Task<Cast> BetaAsync(GroupMentions who)
    {
        await CreateSpaceAsync();
        var bea = await RunAsNewMemberAsync("Bea");
        var carl = await RunAsNewMemberAsync("Carl");
        var dan = await RunAsNewMemberAsync("Dan");
        var ada = await RunAsNewMemberAsync("Ada", Roles.Admin);
        var group = await SendAsync(new CreateGroup.Command { Name = "Beta programme" });
        await SendAsync(new ChangeGroupMembers.Command { GroupId = group, Handle = "bea" });
        await SendAsync(new ChangeGroupMembers.Command { GroupId = group, Handle = "carl" });
        await SendAsync(new SetGroupMentions.Command { GroupId = group, MentionHandle = "@Beta", MentionableBy = who });
        return new Cast(ada, group, bea, carl, dan);
    }

    private Task<List<Guid>> MentionedAsync(long postId) =>
        QueryAsync(db => db.Notifications.Where(n => n.PostId == postId && n.Kind == NotificationKind.Mention).Select(n => n.RecipientId).OrderBy(r => r).ToListAsync());

    private Task<long> OpeningPostAsync(long threadId) =>
        QueryAsync(db => db.Posts.Where(p => p.ThreadId == threadId && p.IsOpeningPost).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task A_staff_members_group_mention_tells_its_members_once_but_records_no_personal_mention()
    {
        var cast = await BetaAsync(GroupMentions.StaffSide);
        Assert.Equal("beta", await QueryAsync(db => db.Groups.Where(g => g.Id == cast.Group).Select(g => g.MentionHandle).SingleAsync()));
        var sam = await RunAsNewMemberAsync("Sam", Roles.Staff);

        var thread = await StartThreadAsync("The 4.0 beta is out", "@beta please try the new exports and tell us.");
        var opening = await OpeningPostAsync(thread);
        var reply = await ReplyAsync(thread, "One more thing, @beta: the importer changed too.");

        Assert.Equal(new[] { cast.Bea, cast.Carl }.Order(), await MentionedAsync(opening));
        Assert.Equal(new[] { cast.Bea, cast.Carl }.Order(), await MentionedAsync(reply));
        Assert.False(await QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == cast.Dan || n.RecipientId == sam)));
        Assert.False(await QueryAsync(db => db.PostMentions.AnyAsync()));
        Assert.Equal(new[] { cast.Group }, await QueryAsync(db => db.Posts.Where(p => p.Id == reply).Select(p => p.MentionedGroupIds).SingleAsync()));
    }

    [Fact]
    public async Task A_groups_handle_is_not_free_for_a_member_to_take_or_to_be_given()
    {
        var cast = await BetaAsync(GroupMentions.StaffSide);

        Fixture.CurrentUser.ActAs(cast.Dan, Roles.Member);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new UpdateProfile.Command { DisplayName = "Dan", Handle = "@beta", TimeZone = "UTC" }));
        Assert.Contains("@beta is taken", refused.Errors.Single().ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("dan", await QueryAsync(db => db.Members.Where(m => m.Id == cast.Dan).Select(m => m.Handle).SingleAsync()));

        // A newcomer whose name suggests the group's handle is numbered past it.
        var beta = await RunAsNewMemberAsync("Beta");
        Assert.Equal("beta-2", await QueryAsync(db => db.Members.Where(m => m.Id == beta).Select(m => m.Handle).SingleAsync()));
    }

    [Fact]
    public async Task Someone_the_setting_does_not_allow_gets_no_error_and_tells_nobody()
    {
        var cast = await BetaAsync(GroupMentions.StaffSide);
        await RunAsNewMemberAsync("Alice");

        var thread = await StartThreadAsync("Anyone in the beta?", "Hey @beta, how is it going?");

        Assert.Empty(await MentionedAsync(await OpeningPostAsync(thread)));
        Assert.Empty(await QueryAsync(db => db.Posts.Where(p => p.ThreadId == thread).Select(p => p.MentionedGroupIds).SingleAsync()));
        Assert.DoesNotContain("href", await QueryAsync(db => db.Posts.Where(p => p.ThreadId == thread).Select(p => p.BodyHtml).SingleAsync()), StringComparison.Ordinal);

        // Nobody (the default) means nobody, staff included.
        Fixture.CurrentUser.ActAs(cast.Ada, Roles.Member, Roles.Admin);
        await SendAsync(new SetGroupMentions.Command { GroupId = cast.Group, MentionHandle = "beta", MentionableBy = GroupMentions.Nobody });
        await RunAsNewMemberAsync("Sam", Roles.Staff);
        var staffThread = await StartThreadAsync("Beta news", "@beta the next build is out.");
        Assert.Empty(await MentionedAsync(await OpeningPostAsync(staffThread)));
    }

    [Fact]
    public async Task With_the_groups_own_members_setting_a_member_tells_the_others_and_an_outsider_nobody()
    {
        var cast = await BetaAsync(GroupMentions.GroupMembers);

        RunAs(cast.Dan);
        var outsiders = await StartThreadAsync("Beta?", "@beta can I join?");
        RunAs(cast.Bea);
        var insiders = await StartThreadAsync("Export bug in the beta", "@beta does yours skip empty days too?");

        Assert.Empty(await MentionedAsync(await OpeningPostAsync(outsiders)));
        Assert.Equal([cast.Carl], await MentionedAsync(await OpeningPostAsync(insiders)));
    }

    [Fact]
    public async Task A_private_spaces_outsider_and_a_member_who_ignores_the_author_are_not_told()
    {
        var cast = await BetaAsync(GroupMentions.AnyMember);
        // An inner space for another group that only Bea is in: Carl, in Beta programme but not in it, hears nothing there.
        var inner = await CreateSpaceAsync("inner", "Inner circle", 2);
        Fixture.CurrentUser.ActAs(cast.Ada, Roles.Member, Roles.Admin);
        var insiders = await SendAsync(new CreateGroup.Command { Name = "Insiders" });
        await SendAsync(new ChangeGroupMembers.Command { GroupId = insiders, Handle = "bea" });
        await SendAsync(new ChangeGroupMembers.Command { GroupId = insiders, Handle = "dan" });
        await SendAsync(new RestrictSpace.Command { SpaceId = inner.Id, GroupIds = [insiders] });

        RunAs(cast.Dan);
        var privateThread = await StartThreadAsync("Inside only", "@beta this is for insiders.", space: "inner");
        Assert.Equal([cast.Bea], await MentionedAsync(await OpeningPostAsync(privateThread)));

        // Carl ignores Dan: Dan's @beta in a public space tells Bea only.
        RunAs(cast.Carl);
        await SendAsync(new IgnoreMember.Command { MemberId = cast.Dan });
        RunAs(cast.Dan);
        var publicThread = await StartThreadAsync("Public beta question", "@beta does anyone use the new importer?");
        Assert.Equal([cast.Bea], await MentionedAsync(await OpeningPostAsync(publicThread)));
    }

    [Fact]
    public async Task A_groups_handle_is_its_own_and_only_an_admin_sets_it()
    {
        var cast = await BetaAsync(GroupMentions.StaffSide);
        var other = await SendAsync(new CreateGroup.Command { Name = "Partners" });

        var memberHandle = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new SetGroupMentions.Command { GroupId = other, MentionHandle = "carl", MentionableBy = GroupMentions.AnyMember }));
        var groupHandle = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new SetGroupMentions.Command { GroupId = other, MentionHandle = "beta", MentionableBy = GroupMentions.AnyMember }));
        var malformed = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new SetGroupMentions.Command { GroupId = other, MentionHandle = "not a handle!", MentionableBy = GroupMentions.AnyMember }));
        Assert.Contains("@carl is taken by a member", memberHandle.Message, StringComparison.Ordinal);
        Assert.Contains("@beta is taken by another group", groupHandle.Message, StringComparison.Ordinal);
        Assert.Contains("lower-case letters", malformed.Message, StringComparison.Ordinal);

        await RunAsNewMemberAsync("Morgan", Roles.Moderator);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new SetGroupMentions.Command { GroupId = cast.Group, MentionHandle = "testers", MentionableBy = GroupMentions.AnyMember }));
        Assert.Equal("beta", await QueryAsync(db => db.Groups.Where(g => g.Id == cast.Group).Select(g => g.MentionHandle).SingleAsync()));
        Assert.Equal(GroupMentions.StaffSide, await QueryAsync(db => db.Groups.Where(g => g.Id == cast.Group).Select(g => g.MentionableBy).SingleAsync()));
        Assert.Null(await QueryAsync(db => db.Groups.Where(g => g.Id == other).Select(g => g.MentionHandle).SingleAsync()));
    }
}

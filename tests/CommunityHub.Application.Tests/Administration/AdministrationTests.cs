using CommunityHub.Domain.Common;
using CommunityHub.Application.Administration;
using CommunityHub.Application.Spaces;
using CommunityHub.Application.Tests.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Infrastructure.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application.Tests.Administration;

public sealed class AdministrationTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    private static CreateSpace.Command NewSpace(string slug, string name = "Integrations") =>
        new() { Name = name, Slug = slug, Purpose = "Connecting the product to everything else." };

    [Fact]
    public async Task Admin_can_create_edit_and_reorder_spaces()
    {
        await CreateSpaceAsync();
        await RunAsNewAsync("Ada", Roles.Admin);

        var created = await SendAsync(NewSpace("integrations"));
        await SendAsync(new EditSpace.Command { SpaceId = created.SpaceId, Name = "Integrations & API", Slug = "api", Purpose = "Connect the product." });
        await SendAsync(new ReorderSpace.Command { SpaceId = created.SpaceId, By = -1 });

        var home = await SendAsync(new ListSpaces.Query());
        Assert.Equal(["api", "questions"], home.Select(s => s.Slug));
        Assert.Equal(("Integrations & API", "Connect the product."), (home[0].Name, home[0].Purpose));
        Assert.Equal([ModerationAction.CreateSpace, ModerationAction.EditSpace, ModerationAction.ReorderSpaces], (await AuditLogAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task A_space_address_must_be_free_and_well_formed_and_the_first_space_cannot_move_up()
    {
        var questions = await CreateSpaceAsync();
        await RunAsNewAsync("Ada", Roles.Admin);

        var taken = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(NewSpace("questions")));
        var malformed = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(NewSpace("Not A Slug")));
        var first = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new ReorderSpace.Command { SpaceId = questions.Id, By = -1 }));

        Assert.Equal("Slug", taken.Errors.Single().PropertyName);
        Assert.Equal("Slug", malformed.Errors.Single().PropertyName);
        Assert.Contains("first already", first.Message, StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.Spaces.CountAsync()));
    }

    [Theory]
    [InlineData(Roles.Member)]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.Moderator)]
    public async Task Only_admins_change_spaces_values_and_roles(string role)
    {
        var space = await CreateSpaceAsync();
        var someone = await RunAsNewAsync("Someone", role);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(NewSpace("integrations")));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new EditSpace.Command { SpaceId = space.Id, Name = "X", Slug = "x", Purpose = "X" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new EditSpace.Query(space.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new ReorderSpace.Command { SpaceId = space.Id, By = 1 }));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new EditCommunityValues.Command { Body = "Anything goes" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new SetMemberRoles.Command { MemberId = someone, Admin = true }));

        Assert.DoesNotContain(Roles.Admin, await RolesOfAsync(someone));
        Assert.Null(await SendAsync(new GetCommunityValues.Query()));
    }

    [Fact]
    public async Task Admin_writes_the_values_page_and_everyone_can_read_it()
    {
        await RunAsNewAsync("Ada", Roles.Admin);
        await SendAsync(new EditCommunityValues.Command { Body = "# Be kind\n\nAssume good intent." });
        RunAsAnonymous();

        var values = await SendAsync(new GetCommunityValues.Query());

        Assert.NotNull(values);
        Assert.Contains("<h2", values.BodyHtml, StringComparison.Ordinal);
        Assert.Equal("Ada", values.UpdatedByName);
        Assert.Equal(ModerationAction.EditValues, Assert.Single(await AuditLogAsync()).Action);
    }

    [Fact]
    public async Task Admin_makes_a_member_staff_with_a_title_and_their_posts_carry_the_badge()
    {
        var c = await AConversationAsync();
        var stampBefore = await StampOfAsync(c.BrunoId);
        var ada = await RunAsNewAsync("Ada", Roles.Admin);

        await SendAsync(new SetMemberRoles.Command { MemberId = c.BrunoId, Staff = true, Moderator = true, Title = "Product Manager" });

        Assert.Equal(new[] { Roles.Member, Roles.Staff, Roles.Moderator }.Order(), (await RolesOfAsync(c.BrunoId)).Order());
        Assert.NotEqual(stampBefore, await StampOfAsync(c.BrunoId));
        var reply = (await SendAsync(new GetThread.Query(c.Thread.ThreadId))).Replies.Single();
        Assert.Equal((MemberBadge.Staff, "Product Manager"), (reply.AuthorBadge, reply.AuthorTitle));
        var entry = Assert.Single(await AuditLogAsync());
        Assert.Equal((ModerationAction.ChangeRoles, ada, (Guid?)c.BrunoId, "Staff (Product Manager), Moderator"), (entry.Action, entry.ModeratorId, entry.MemberId, entry.Detail));

        await SendAsync(new SetMemberRoles.Command { MemberId = c.BrunoId, Executive = true, Title = "CEO" });
        await SendAsync(new SetMemberRoles.Command { MemberId = c.AliceId });
        var members = await QueryAsync(db => db.Members.ToDictionaryAsync(m => m.Id, m => (m.Badge, m.Title)));
        Assert.Equal((MemberBadge.Executive, "CEO"), members[c.BrunoId]);
        Assert.Equal((MemberBadge.None, (string?)null), members[c.AliceId]);
    }

    [Fact]
    public async Task A_title_without_a_company_role_is_refused()
    {
        var c = await AConversationAsync();
        await RunAsNewAsync("Ada", Roles.Admin);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new SetMemberRoles.Command { MemberId = c.BrunoId, Moderator = true, Title = "Boss" }));

        Assert.Equal(nameof(SetMemberRoles.Command.Title), refused.Errors.Single().PropertyName);
    }

    [Fact]
    public async Task The_last_admin_cannot_be_removed_but_one_of_two_can()
    {
        await CreateSpaceAsync();
        var ada = await RunAsNewAsync("Ada", Roles.Admin);

        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new SetMemberRoles.Command { MemberId = ada, Moderator = true }));
        var grace = await RunAsNewAsync("Grace");
        RunAs(ada, Roles.Admin);
        await SendAsync(new SetMemberRoles.Command { MemberId = grace, Admin = true });
        await SendAsync(new SetMemberRoles.Command { MemberId = ada, Moderator = true });

        Assert.Contains("last admin", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Roles.Admin, await RolesOfAsync(ada));
        Assert.Contains(Roles.Admin, await RolesOfAsync(grace));
    }

    [Fact]
    public async Task Two_admins_removing_each_other_at_once_leave_one_admin()
    {
        await CreateSpaceAsync();
        var ada = await RunAsNewAsync("Ada", Roles.Admin);
        var grace = await RunAsNewAsync("Grace", Roles.Admin);
        RunAs(ada, Roles.Admin);

        var outcomes = await Task.WhenAll(
            Attempt(() => SendAsync(new SetMemberRoles.Command { MemberId = grace })),
            Attempt(() => SendAsync(new SetMemberRoles.Command { MemberId = ada })));

        Assert.Equal(1, outcomes.Count(done => done));
        Assert.Equal(1, await QueryAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).CountAsync(n => n == Roles.Admin)));
    }

    private static async Task<bool> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    private Task<List<string>> RolesOfAsync(Guid member) =>
        QueryAsync(db => db.UserRoles.Where(ur => ur.UserId == member).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync());

    private async Task<string?> StampOfAsync(Guid member)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<CommunityUser>>().FindByIdAsync(member.ToString());
        return user!.SecurityStamp;
    }
}

using CommunityHub.Application.Members;
using CommunityHub.Domain.Members;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Members;

public sealed class RegisterMemberTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private static RegisterMember.Command Registration(string email = "alice@example.com", string password = "correct horse battery", string name = "Alice Chen") =>
        new() { DisplayName = name, Email = email, Password = password };

    [Fact]
    public async Task Registering_creates_a_member_and_an_account_with_the_member_role()
    {
        var id = await SendAsync(Registration());

        var member = await QueryAsync(db => db.Members.SingleAsync(m => m.Id == id));
        Assert.Equal("Alice Chen", member.DisplayName);
        Assert.Equal(Fixture.Clock.GetUtcNow(), member.JoinedAt);
        var roles = await QueryAsync(db => (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == id
            select r.Name).ToListAsync());
        Assert.Equal([Roles.Member], roles);
    }

    [Fact]
    public async Task An_e_mail_address_already_in_use_is_refused_and_nothing_is_written()
    {
        await SendAsync(Registration());

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(Registration(email: "ALICE@example.com", name: "Another Alice")));

        Assert.Contains(refused.Errors, e => e.PropertyName == "Email" && e.ErrorMessage.Contains("already exists", StringComparison.Ordinal));
        Assert.Equal(1, await QueryAsync(db => db.Members.CountAsync()));
    }

    [Fact]
    public async Task A_short_password_is_refused_and_the_member_row_is_rolled_back()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(Registration(password: "short")));

        Assert.Contains(refused.Errors, e => e.PropertyName == "Password");
        Assert.Equal(0, await QueryAsync(db => db.Members.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Every_mistake_on_the_form_is_reported_together()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(Registration(email: "not-an-address", password: "", name: "   ")));

        Assert.Equal(["DisplayName", "Email", "Password"], refused.Errors.Select(e => e.PropertyName).Distinct().Order());
    }

    [Fact]
    public async Task Missing_fields_are_reported_not_crashed_on()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new RegisterMember.Command { DisplayName = null!, Email = null!, Password = null! }));

        Assert.Equal(["DisplayName", "Email", "Password"], refused.Errors.Select(e => e.PropertyName).Order());
    }
}

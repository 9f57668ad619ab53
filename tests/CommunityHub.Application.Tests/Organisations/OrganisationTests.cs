using CommunityHub.Domain.Common;
using CommunityHub.Application.Members;
using CommunityHub.Application.Organisations;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Organisations;

/// <summary>Customer organisations: from the e-mail domain, a sign-in claim or an admin; and their ties to the company.</summary>
public sealed class OrganisationTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private async Task<Guid> RegisterAsync(string name, string email)
    {
        RunAsAnonymous();
        var id = await SendAsync(new RegisterMember.Command { DisplayName = name, Email = email, Password = "correct horse battery" });
        RunAs(id);
        return id;
    }

    private async Task<int> CreateAsync(string name, string? domains)
    {
        await RunAsNewMemberAsync("Ada", Roles.Admin);
        return await SendAsync(new CreateOrganisation.Command { Name = name, Domains = domains });
    }

    [Fact]
    public async Task Members_join_the_organisation_of_their_email_domain_whether_they_registered_before_or_after_it_was_mapped()
    {
        var before = await RegisterAsync("Priya", "priya@acme.example");
        var acme = await CreateAsync("Acme", "acme.example, ACME.co.example");
        var after = await RegisterAsync("Omar", "omar@acme.co.example");
        var elsewhere = await RegisterAsync("Lea", "lea@other.example");

        var memberships = await QueryAsync(db => db.OrganisationMembers.ToDictionaryAsync(m => m.MemberId));

        Assert.Equal(acme, memberships[before].OrganisationId);
        Assert.Equal(acme, memberships[after].OrganisationId);
        Assert.Equal(OrganisationSource.EmailDomain, memberships[after].Source);
        Assert.False(memberships.ContainsKey(elsewhere));
    }

    [Fact]
    public async Task An_admins_choice_outranks_a_sign_in_claim_which_outranks_the_email_domain()
    {
        var acme = await CreateAsync("Acme", "acme.example");
        var priya = await RegisterAsync("Priya", "priya@acme.example");

        var claimed = await SendAsync(new AssignOrganisation.Command(priya, OrganisationSource.SignInClaim, OrganisationName: "Globex"));
        Assert.NotEqual(acme, claimed);
        Assert.Equal(claimed, await SendAsync(new AssignOrganisation.Command(priya, OrganisationSource.EmailDomain, Email: "priya@acme.example")));

        await RunAsNewMemberAsync("Ada 2", Roles.Admin);
        await SendAsync(new AssignOrganisation.Command(Guid.Empty, OrganisationSource.Admin, acme, MemberHandle: "priya"));
        Assert.Equal(acme, await SendAsync(new AssignOrganisation.Command(priya, OrganisationSource.SignInClaim, OrganisationName: "Globex")));
        Assert.Contains(await QueryAsync(db => db.ModerationLog.Select(e => e.Action).ToListAsync()), a => a == Domain.Moderation.ModerationAction.AssignOrganisation);
    }

    [Fact]
    public async Task A_member_cannot_set_anyones_organisation_nor_create_one()
    {
        var acme = await CreateAsync("Acme", null);
        await RegisterAsync("Priya", "priya@elsewhere.example");

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new AssignOrganisation.Command(Guid.Empty, OrganisationSource.Admin, acme, MemberHandle: "priya")));
        await Assert.ThrowsAnyAsync<Exception>(() => SendAsync(new CreateOrganisation.Command { Name = "Mine" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new GetOrganisations.Query()));
    }

    [Fact]
    public async Task Staff_see_each_organisations_strongest_ties_to_the_company_and_which_are_decaying()
    {
        var acme = await CreateAsync("Acme", "acme.example");
        var globex = await CreateAsync("Globex", "globex.example");
        await CreateAsync("Initech", "initech.example");
        await CreateSpaceAsync();
        var priya = await RegisterAsync("Priya", "priya@acme.example");
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Exporting", Body = "How?", SubmissionId = Guid.NewGuid() });
        await RegisterAsync("Gus", "gus@globex.example");
        var old = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "Importing", Body = "How?", SubmissionId = Guid.NewGuid() });
        var sam = await RunAsNewMemberAsync("Sam", Roles.Staff);
        await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = old.ThreadId, Body = "Like this.", SubmissionId = Guid.NewGuid() });
        Fixture.Clock.Advance(TimeSpan.FromDays(70));
        await SendAsync(new ReplyToThread.Command { SpaceSlug = "questions", ThreadId = thread.ThreadId, Body = "Like that.", SubmissionId = Guid.NewGuid() });

        var overview = await SendAsync(new GetOrganisations.Query());

        var byName = overview.Organisations.ToDictionary(o => o.Name);
        var tie = Assert.Single(byName["Acme"].StrongestTies);
        Assert.Equal(("Priya", "Sam", "Staff"), (tie.Customer.DisplayName, tie.Staff.DisplayName, tie.StaffBadge));
        Assert.Equal(GetOrganisations.Health.Tied, byName["Acme"].Health);
        Assert.Equal(GetOrganisations.Health.Decaying, byName["Globex"].Health);
        Assert.Equal(GetOrganisations.Health.NoTies, byName["Initech"].Health);
        Assert.Equal(["Priya"], byName["Acme"].Members.Select(m => m.DisplayName));
        Assert.Equal([acme, globex], new[] { byName["Acme"].Id, byName["Globex"].Id });
        _ = (priya, sam);
    }
}

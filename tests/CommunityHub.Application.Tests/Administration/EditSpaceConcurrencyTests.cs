using CommunityHub.Domain.Common;
using CommunityHub.Application.Administration;
using CommunityHub.Application.Tests.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Members;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Administration;

public sealed class EditSpaceConcurrencyTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    [Fact]
    public async Task The_second_of_two_admins_editing_a_space_is_told_it_changed_and_overwrites_nothing()
    {
        var space = await CreateSpaceAsync();
        var ada = await RunAsNewAsync("Ada", Roles.Admin);
        var grace = await RunAsNewAsync("Grace", Roles.Admin);

        RunAs(ada, Roles.Admin);
        var adasForm = await SendAsync(new EditSpace.Query(space.Id));
        RunAs(grace, Roles.Admin);
        var gracesForm = await SendAsync(new EditSpace.Query(space.Id));

        RunAs(ada, Roles.Admin);
        adasForm.Name = "Questions & answers";
        await SendAsync(adasForm);

        RunAs(grace, Roles.Admin);
        gracesForm.Purpose = "Grace's purpose";
        var refused = await Assert.ThrowsAsync<DomainException>(() => SendAsync(gracesForm));

        Assert.Equal(EditSpace.ConflictMessage, refused.Message);
        var saved = await SendAsync(new EditSpace.Query(space.Id));
        Assert.Equal(("Questions & answers", space.Purpose), (saved.Name, saved.Purpose));

        // Saving again from what is saved now deliberately replaces it.
        gracesForm.Version = saved.Version;
        await SendAsync(gracesForm);
        Assert.Equal("Grace's purpose", (await SendAsync(new EditSpace.Query(space.Id))).Purpose);
    }

    [Fact]
    public async Task Two_admins_saving_at_the_same_moment_cannot_both_win()
    {
        var space = await CreateSpaceAsync();
        var ada = await RunAsNewAsync("Ada", Roles.Admin);
        RunAs(ada, Roles.Admin);
        var form = await SendAsync(new EditSpace.Query(space.Id));

        // Both read the row at the same version; the UPDATE ... WHERE version = v lets one through.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            try
            {
                await SendAsync(new EditSpace.Command { SpaceId = space.Id, Name = $"Name {i}", Slug = space.Slug, Purpose = space.Purpose, Version = form.Version });
                return true;
            }
            catch (DomainException refused) when (refused.Message == EditSpace.ConflictMessage)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal(form.Version + 1, await QueryAsync(db => db.Spaces.Where(s => s.Id == space.Id).Select(s => s.Version).SingleAsync()));
    }

    [Fact]
    public async Task Posting_in_a_space_while_an_admin_edits_it_is_no_conflict()
    {
        var space = await CreateSpaceAsync();
        var ada = await RunAsNewAsync("Ada", Roles.Admin);
        RunAs(ada, Roles.Admin);
        var form = await SendAsync(new EditSpace.Query(space.Id));

        await RunAsNewAsync("Alice");
        await SendAsync(new StartThread.Command { SpaceSlug = space.Slug, Title = "A new thread", Body = "Moves the space's counters.", SubmissionId = Guid.NewGuid() });

        RunAs(ada, Roles.Admin);
        form.Name = "Questions & answers";
        await SendAsync(form);
        Assert.Equal("Questions & answers", (await SendAsync(new EditSpace.Query(space.Id))).Name);
    }
}

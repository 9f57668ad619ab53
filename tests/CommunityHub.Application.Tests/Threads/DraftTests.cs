using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Composer;
using CommunityHub.Application.Groups;
using CommunityHub.Application.Tests.Moderation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Threads;

/// <summary>Drafts on PostgreSQL: saved per member and place, restored, listed, discarded by their owner alone, and
/// gone when the member posts.</summary>
public sealed class DraftTests(CommunityFixture fixture) : ModerationTest(fixture)
{
    [Fact]
    public async Task A_reply_draft_is_saved_restored_updated_and_discarded_when_the_reply_is_posted()
    {
        var c = await AConversationAsync();
        var place = new DraftPlace(c.Thread.ThreadId, null);

        await SendAsync(new SaveDraft.Command { ThreadId = c.Thread.ThreadId, Body = "Half a thought" });
        await SendAsync(new SaveDraft.Command { ThreadId = c.Thread.ThreadId, Body = "Half a thought, now whole." });

        var restored = await SendAsync(new GetDraft.Query(place));
        Assert.Equal("Half a thought, now whole.", restored!.Body);
        Assert.Null(restored.Title);
        Assert.Equal(1, await QueryAsync(db => db.Drafts.CountAsync()));
        RunAs(c.AliceId);
        Assert.Null(await SendAsync(new GetDraft.Query(place)));

        RunAs(c.BrunoId);
        await SendAsync(Reply(c.Thread, "Half a thought, now whole."));
        Assert.Null(await SendAsync(new GetDraft.Query(place)));
        Assert.Equal(0, await QueryAsync(db => db.Drafts.CountAsync()));
    }

    [Fact]
    public async Task A_new_thread_draft_keeps_its_title_is_listed_and_goes_when_the_thread_is_started()
    {
        var c = await AConversationAsync();
        await SendAsync(new SaveDraft.Command { SpaceSlug = "questions", Title = "Export to Excel?", Body = "" });
        await SendAsync(new SaveDraft.Command { ThreadId = c.Thread.ThreadId, Body = "A reply in waiting" });

        var drafts = await SendAsync(new ListDrafts.Query());

        Assert.Equal(2, drafts.Count);
        Assert.Equal(("Export to Excel?", "Questions"), (drafts.Single(d => d.ThreadId is null).Title, drafts.Single(d => d.ThreadId is null).SpaceName));
        Assert.Equal("How do I export?", drafts.Single(d => d.ThreadId is not null).ThreadTitle);

        await SendAsync(new CommunityHub.Application.Threads.StartThread.Command { SpaceSlug = "questions", Title = "Export to Excel?", Body = "How?", SubmissionId = Guid.NewGuid() });
        Assert.Null(await SendAsync(new GetDraft.Query(new DraftPlace(null, "questions"))));
        Assert.Single(await SendAsync(new ListDrafts.Query()));
    }

    [Fact]
    public async Task Saving_nothing_removes_the_draft()
    {
        var c = await AConversationAsync();
        await SendAsync(new SaveDraft.Command { ThreadId = c.Thread.ThreadId, Body = "Something" });

        await SendAsync(new SaveDraft.Command { ThreadId = c.Thread.ThreadId, Body = "   " });

        Assert.Equal(0, await QueryAsync(db => db.Drafts.CountAsync()));
    }

    [Fact]
    public async Task Another_members_draft_cannot_be_discarded_and_stays()
    {
        var c = await AConversationAsync();
        await SendAsync(new SaveDraft.Command { ThreadId = c.Thread.ThreadId, Body = "Bruno's words" });
        var id = await QueryAsync(db => db.Drafts.Select(d => d.Id).SingleAsync());

        RunAs(c.AliceId);
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new DiscardDraft.Command(id)));
        RunAsAnonymous();
        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new DiscardDraft.Command(id)));
        await Assert.ThrowsAsync<NotSignedInException>(() => SendAsync(new SaveDraft.Command { ThreadId = c.Thread.ThreadId, Body = "Anonymous" }));

        Assert.Equal("Bruno's words", await QueryAsync(db => db.Drafts.Select(d => d.Body).SingleAsync()));
        RunAs(c.BrunoId);
        await SendAsync(new DiscardDraft.Command(id));
        Assert.Equal(0, await QueryAsync(db => db.Drafts.CountAsync()));
    }

    [Fact]
    public async Task An_outsider_keeps_no_draft_in_a_private_space_and_a_member_of_it_does()
    {
        var c = await AConversationAsync();
        var beta = await CreateSpaceAsync("beta", "Beta", 2);
        var bea = await RunAsNewAsync("Bea");
        var handle = await QueryAsync(db => db.Members.Where(m => m.Id == bea).Select(m => m.Handle).SingleAsync());
        await RunAsNewAsync("Ada", CommunityHub.Domain.Members.Roles.Admin);
        var group = await SendAsync(new CreateGroup.Command { Name = "Beta programme", Description = "Customers trying what is next." });
        await SendAsync(new ChangeGroupMembers.Command { GroupId = group, Handle = "@" + handle });
        await SendAsync(new RestrictSpace.Command { SpaceId = beta.Id, GroupIds = [group] });
        RunAs(bea);
        var secret = await SendAsync(new CommunityHub.Application.Threads.StartThread.Command { SpaceSlug = "beta", Title = "Quokka plans", Body = "Secret.", SubmissionId = Guid.NewGuid() });
        await SendAsync(new SaveDraft.Command { ThreadId = secret.ThreadId, Body = "Bea's reply in waiting" });

        RunAs(c.BrunoId);
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new SaveDraft.Command { ThreadId = secret.ThreadId, Body = "Peeking" }));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new SaveDraft.Command { SpaceSlug = "beta", Title = "Peeking" }));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetDraft.Query(new DraftPlace(secret.ThreadId, null))));

        RunAs(bea);
        Assert.Equal("Bea's reply in waiting", (await SendAsync(new GetDraft.Query(new DraftPlace(secret.ThreadId, null))))!.Body);
        Assert.Equal(1, await QueryAsync(db => db.Drafts.CountAsync()));
    }

    [Fact]
    public async Task No_draft_is_kept_for_a_thread_that_does_not_exist_or_a_space_that_does_not()
    {
        await AConversationAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new SaveDraft.Command { ThreadId = 999_999, Body = "Where?" }));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new SaveDraft.Command { SpaceSlug = "nowhere", Body = "Where?" }));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new SaveDraft.Command { ThreadId = 1, SpaceSlug = "questions", Body = "Both?" }));
        Assert.Equal(0, await QueryAsync(db => db.Drafts.CountAsync()));
    }
}

using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Feeds;
using CommunityHub.Application.Groups;
using CommunityHub.Application.Lists;
using CommunityHub.Application.Notifications;
using CommunityHub.Application.Tags;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Notifications;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Tags;

/// <summary>Tags against PostgreSQL: defining them, tagging threads, required groups, tag pages, watching and feeds,
/// and a private space's threads kept from outsiders everywhere a tag leads.</summary>
public sealed class TagTests(CommunityFixture fixture) : ConversationTest(fixture)
{
    /// <summary>Ada (admin) defines a Product group with "ledger" and "payroll", and an ungrouped "exports".</summary>
    private async Task<int> DefineTagsAsync(params int[] productRequiredIn)
    {
        await RunAsNewMemberAsync("Ada", Roles.Admin);
        var product = await SendAsync(new DefineTagGroup.Command { Name = "Product", Description = "Which product", RequiredInSpaceIds = [.. productRequiredIn] });
        await SendAsync(new DefineTag.Command { Name = "ledger", Description = "The ledger app", GroupId = product });
        await SendAsync(new DefineTag.Command { Name = "Payroll", GroupId = product });
        await SendAsync(new DefineTag.Command { Name = "exports" });
        return product;
    }

    private async Task<long> StartTaggedAsync(string title, string space = "questions", params string[] tags) =>
        (await SendAsync(new StartThread.Command { SpaceSlug = space, Title = title, Body = "Body", SubmissionId = Guid.NewGuid(), Tags = [.. tags] })).ThreadId;

    private Task<List<string>> TagsOfAsync(long threadId) =>
        QueryAsync(db => db.ThreadTags.Where(t => t.ThreadId == threadId).Select(t => t.Tag!.Name).OrderBy(n => n).ToListAsync());

    [Fact]
    public async Task An_admin_defines_tags_in_groups_and_the_catalogue_lists_them_by_group()
    {
        await CreateSpaceAsync();
        await DefineTagsAsync();

        var catalogue = await SendAsync(new GetTagCatalogue.Query("questions"));

        Assert.Equal(["Product", "Other tags"], catalogue.Groups.Select(g => g.Name));
        Assert.Equal(["ledger", "payroll"], catalogue.Groups[0].Tags.Select(t => t.Name));
        Assert.Equal(["exports"], catalogue.Groups[1].Tags.Select(t => t.Name));
        Assert.False(catalogue.Groups[0].Required);
        await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new DefineTag.Command { Name = "ledger" }));
        await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new DefineTag.Command { Name = "not a name" }));
        await Assert.ThrowsAsync<ValidationException>(() => SendAsync(new DefineTag.Command { Name = "orphan", GroupId = 999 }));
    }

    [Fact]
    public async Task Only_an_admin_defines_tags()
    {
        await RunAsNewMemberAsync("Morgan", Roles.Moderator);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new DefineTag.Command { Name = "ledger" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new DefineTagGroup.Command { Name = "Product" }));
        await RunAsNewMemberAsync("Bruno");
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new DefineTag.Command { Name = "ledger" }));
        Assert.Equal(0, await QueryAsync(db => db.Tags.CountAsync()));
    }

    [Fact]
    public async Task A_thread_is_started_with_tags_and_its_starter_changes_them_later()
    {
        await CreateSpaceAsync();
        await DefineTagsAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartTaggedAsync("Ledger totals are off", "questions", "ledger", "Exports ");

        Assert.Equal(["exports", "ledger"], await TagsOfAsync(thread));
        await SendAsync(new RetagThread.Command { ThreadId = thread, Tags = ["payroll"] });
        Assert.Equal(["payroll"], await TagsOfAsync(thread));
        var page = await SendAsync(new GetThread.Query(thread));
        Assert.Equal(["payroll"], page.Tags);
        Assert.True(page.CanTag);
    }

    [Fact]
    public async Task A_plain_member_cannot_tag_someone_else_s_thread_but_a_moderator_can()
    {
        await CreateSpaceAsync();
        await DefineTagsAsync();
        await RunAsNewMemberAsync("Alice");
        var thread = await StartTaggedAsync("Ledger totals are off", "questions", "ledger");

        await RunAsNewMemberAsync("Bruno");
        Assert.False((await SendAsync(new GetThread.Query(thread))).CanTag);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(new RetagThread.Command { ThreadId = thread, Tags = ["exports"] }));
        Assert.Equal(["ledger"], await TagsOfAsync(thread));

        await RunAsNewMemberAsync("Morgan", Roles.Moderator);
        await SendAsync(new RetagThread.Command { ThreadId = thread, Tags = ["ledger", "exports"] });
        Assert.Equal(["exports", "ledger"], await TagsOfAsync(thread));
    }

    [Fact]
    public async Task Unknown_tags_and_a_500_tag_thread_are_refused_with_a_message_and_nothing_is_written()
    {
        await CreateSpaceAsync();
        await DefineTagsAsync();
        await RunAsNewMemberAsync("Alice");

        var unknown = await Assert.ThrowsAsync<DomainException>(() => StartTaggedAsync("Hello", "questions", "ledger", "nonsense"));
        Assert.Contains("\u201cnonsense\u201d", unknown.Message, StringComparison.Ordinal);
        var many = await Assert.ThrowsAsync<DomainException>(() => StartTaggedAsync("Hello", "questions", [.. Enumerable.Range(0, 500).Select(i => $"tag{i}")]));
        Assert.Contains("at most 5 tags", many.Message, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Threads.CountAsync()));

        var thread = await StartTaggedAsync("Hello", "questions", "ledger");
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new RetagThread.Command { ThreadId = thread, Tags = [.. Enumerable.Range(0, 500).Select(i => $"tag{i}")] }));
        Assert.Equal(["ledger"], await TagsOfAsync(thread));
    }

    [Fact]
    public async Task A_space_requiring_a_product_refuses_a_thread_without_one()
    {
        var questions = await CreateSpaceAsync();
        await CreateSpaceAsync("lounge", "Lounge", 2);
        await DefineTagsAsync(questions.Id);
        await RunAsNewMemberAsync("Alice");

        var refused = await Assert.ThrowsAsync<DomainException>(() => StartTaggedAsync("No product", "questions", "exports"));
        Assert.Contains("\u201cProduct\u201d", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Threads.CountAsync()));
        Assert.True((await SendAsync(new GetTagCatalogue.Query("questions"))).Groups[0].Required);
        Assert.False((await SendAsync(new GetTagCatalogue.Query("lounge"))).Groups[0].Required);

        var tagged = await StartTaggedAsync("With a product", "questions", "payroll");
        await StartTaggedAsync("Elsewhere nothing is required", "lounge");
        await Assert.ThrowsAsync<DomainException>(() => SendAsync(new RetagThread.Command { ThreadId = tagged, Tags = [] }));
        Assert.Equal(["payroll"], await TagsOfAsync(tagged));
    }

    [Fact]
    public async Task A_tag_page_lists_its_threads_and_an_unknown_tag_is_not_found()
    {
        await CreateSpaceAsync();
        await DefineTagsAsync();
        await RunAsNewMemberAsync("Alice");
        var ledger = await StartTaggedAsync("Ledger one", "questions", "ledger");
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var both = await StartTaggedAsync("Ledger and exports", "questions", "ledger", "exports");
        await StartTaggedAsync("Untagged");

        var page = await SendAsync(new GetTag.Query("Ledger"));

        Assert.Equal("ledger", page.Name);
        Assert.Equal("Product", page.GroupName);
        Assert.Equal([both, ledger], page.List.Threads.Select(t => t.Id));
        Assert.Equal(["exports", "ledger"], page.List.Threads[0].Tags);
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetTag.Query("nowhere")));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new GetFeed.Query(Tag: "nowhere")));
        var feed = await SendAsync(new GetFeed.Query(Tag: "exports"));
        Assert.Equal(["Ledger and exports"], feed.Entries.Select(e => e.Title));
        Assert.Equal("exports", feed.Tag);
    }

    [Fact]
    public async Task Watching_a_tag_tells_of_new_threads_with_it_and_puts_them_in_the_digest()
    {
        await CreateSpaceAsync();
        await DefineTagsAsync();
        var wanda = await RunAsNewMemberAsync("Wanda");
        await ConfirmEmailOfAsync(wanda);
        await SendAsync(new WatchTag.Command { Tag = "ledger", Watch = true });
        await SendAsync(new UpdateNotificationSettings.Command { Digest = true });
        Assert.True((await SendAsync(new GetTag.Query("ledger"))).IsWatched);
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new WatchTag.Command { Tag = "nowhere", Watch = true }));

        await RunAsNewMemberAsync("Alice");
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var tagged = await StartTaggedAsync("Ledger totals are off", "questions", "ledger");
        await StartTaggedAsync("Something else", "questions", "exports");

        var told = await QueryAsync(db => db.Notifications.Where(n => n.RecipientId == wanda).Select(n => new { n.Kind, n.ThreadId }).ToListAsync());
        Assert.Equal([(NotificationKind.ThreadInWatchedTag, tagged)], told.Select(n => (n.Kind, n.ThreadId)));

        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await SendAsync(new SendDailyDigests.Command()));
        var digest = await QueryAsync(db => db.Emails.SingleAsync(e => e.Purpose == "digest"));
        Assert.Contains("Ledger totals are off", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Something else", digest.TextBody, StringComparison.Ordinal);

        RunAs(wanda);
        await SendAsync(new WatchTag.Command { Tag = "ledger", Watch = false });
        Assert.False((await SendAsync(new GetTag.Query("ledger"))).IsWatched);
    }

    [Fact]
    public async Task A_private_space_s_tagged_threads_stay_out_of_tag_pages_feeds_latest_unread_notifications_for_outsiders()
    {
        await CreateSpaceAsync();
        var beta = await CreateSpaceAsync("beta", "Beta", 2);
        await DefineTagsAsync();
        var olly = await RunAsNewMemberAsync("Olly");
        await SendAsync(new WatchTag.Command { Tag = "ledger", Watch = true });
        var bea = await RunAsNewMemberAsync("Bea");
        var handle = await QueryAsync(db => db.Members.Where(m => m.Id == bea).Select(m => m.Handle).SingleAsync());
        await RunAsNewMemberAsync("Ada2", Roles.Admin);
        var group = await SendAsync(new CreateGroup.Command { Name = "Beta programme" });
        await SendAsync(new ChangeGroupMembers.Command { GroupId = group, Handle = "@" + handle });
        await SendAsync(new RestrictSpace.Command { SpaceId = beta.Id, GroupIds = [group] });

        RunAs(bea);
        var secret = await StartTaggedAsync("Secret ledger plans", "beta", "ledger");
        var open = await StartTaggedAsync("Open ledger question", "questions", "ledger");
        Assert.Equal(new[] { open, secret }.Order(), (await SendAsync(new GetTag.Query("ledger"))).List.Threads.Select(t => t.Id).Order());

        RunAs(olly);
        Assert.Equal([open], (await SendAsync(new GetTag.Query("ledger"))).List.Threads.Select(t => t.Id));
        Assert.Equal([open], (await SendAsync(new GetLatest.Query())).Threads.Select(t => t.Id));
        Assert.DoesNotContain(await SendAsync(new GetFeed.Query(Tag: "ledger")) is var feed ? feed.Entries : [], e => e.ThreadId == secret);
        Assert.Equal([open], await QueryAsync(db => db.Notifications.Where(n => n.RecipientId == olly).Select(n => n.ThreadId).ToListAsync()));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(new RetagThread.Command { ThreadId = secret, Tags = ["exports"] }));

        RunAsAnonymous();
        Assert.Equal([open], (await SendAsync(new GetTag.Query("ledger"))).List.Threads.Select(t => t.Id));
    }
}

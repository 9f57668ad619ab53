using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Tags;
using CommunityHub.Domain.Threads;
using static CommunityHub.Domain.Tests.Conversations;

namespace CommunityHub.Domain.Tests;

/// <summary>Who may tag a thread, how many tags it carries, and the groups a space requires.</summary>
public sealed class TaggingTests
{
    private static readonly TagChoice Billing = new(1, "billing", GroupId: 10);
    private static readonly TagChoice Exports = new(2, "exports", GroupId: null);
    private static readonly RequiredTagGroup Product = new(10, "Product");

    [Fact]
    public void The_starter_tags_their_own_thread()
    {
        var alice = AMember();
        var thread = AThread(alice);

        thread.Retag(alice, [Billing, Exports], []);

        Assert.Equal([1, 2], thread.Tags.Select(t => t.TagId).Order());
    }

    [Fact]
    public void Staff_and_moderators_tag_anyone_s_thread()
    {
        var thread = AThread();

        thread.Retag(AStaffMember(), [Billing], []);
        thread.Retag(AModerator(), [Exports], []);

        Assert.Equal([2], thread.Tags.Select(t => t.TagId));
    }

    [Fact]
    public void A_plain_member_cannot_tag_someone_else_s_thread_and_nothing_changes()
    {
        var alice = AMember();
        var thread = AThread(alice);
        thread.Retag(alice, [Billing], []);

        var refused = Assert.Throws<ForbiddenException>(() => thread.Retag(AMember(), [Exports], []));

        Assert.Contains("started the thread", refused.Message, StringComparison.Ordinal);
        Assert.Equal([1], thread.Tags.Select(t => t.TagId));
        Assert.False(ConversationPolicy.Tag(Viewer.Anonymous, thread).IsAllowed);
    }

    [Fact]
    public void A_thread_carries_at_most_five_tags_and_a_refusal_changes_nothing()
    {
        var alice = AMember();
        var thread = AThread(alice);
        thread.Retag(alice, [Billing], []);
        var six = Enumerable.Range(1, Tagging.MaxPerThread + 1).Select(i => new TagChoice(i, $"t{i}", null)).ToList();

        var refused = Assert.Throws<DomainException>(() => thread.Retag(alice, six, []));

        Assert.Contains("at most 5 tags", refused.Message, StringComparison.Ordinal);
        Assert.Equal([1], thread.Tags.Select(t => t.TagId));
        thread.Retag(alice, [.. six.Take(Tagging.MaxPerThread)], []);
        Assert.Equal(Tagging.MaxPerThread, thread.Tags.Count);
    }

    [Fact]
    public void The_same_tag_twice_counts_once()
    {
        var alice = AMember();
        var thread = AThread(alice);

        thread.Retag(alice, [Billing, Billing, Billing, Billing, Billing, Billing], []);

        Assert.Single(thread.Tags);
    }

    [Fact]
    public void A_space_that_requires_a_group_refuses_a_thread_without_one_of_its_tags()
    {
        var alice = AMember();
        var thread = AThread(alice);

        var refused = Assert.Throws<DomainException>(() => thread.Retag(alice, [Exports], [Product]));

        Assert.Contains("\u201cProduct\u201d", refused.Message, StringComparison.Ordinal);
        Assert.Empty(thread.Tags);
        thread.Retag(alice, [Exports, Billing], [Product]);
        Assert.Equal(2, thread.Tags.Count);
    }

    [Theory]
    [InlineData("billing", true)]
    [InlineData("v2.4", true)]
    [InlineData("single-sign-on", true)]
    [InlineData("Billing", false)]
    [InlineData("two  spaces", false)]
    [InlineData("-leading", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("", false)]
    [InlineData("a-name-that-is-far-too-long-for-a-tag", false)]
    public void A_tag_name_is_lower_case_letters_and_digits_with_single_hyphens_or_dots(string name, bool valid) =>
        Assert.Equal(valid, Tag.IsValidName(name));

    [Fact]
    public void Defining_a_tag_normalises_its_name_and_refuses_a_malformed_one()
    {
        Assert.Equal("billing", Tag.Define(1, "  Billing ", "Invoices", null, Guid.NewGuid(), Now).Name);
        Assert.Throws<DomainException>(() => Tag.Define(2, "no spaces please", null, null, Guid.NewGuid(), Now));
    }

    [Fact]
    public void A_tag_group_keeps_the_spaces_that_require_it_as_an_admin_changes_them()
    {
        var group = TagGroup.Create(1, "Product", null, [3, 4, 4], Guid.NewGuid(), Now);
        Assert.Equal([3, 4], group.RequiredIn.Select(r => r.SpaceId).Order());

        group.Edit("Product", "Which product", [4, 5], Guid.NewGuid(), Now);

        Assert.Equal([4, 5], group.RequiredIn.Select(r => r.SpaceId).Order());
    }
}

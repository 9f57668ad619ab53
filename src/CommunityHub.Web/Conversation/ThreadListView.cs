using CommunityHub.Application.Lists;

namespace CommunityHub.Web.Conversation;

/// <summary>What the shared thread list (<c>_ThreadList</c>) needs from its page: the page of threads, how to link to
/// another choice or page of the same list, and how to word it.</summary>
/// <param name="Link">The list's address for a choice of filter and order and a page cursor.</param>
/// <param name="HeadingId">The id of the heading that names the list (for its landmarks' labels).</param>
/// <param name="ShowSpace">Rows name their space (lists across spaces).</param>
/// <param name="Empty">What an empty first page says when nothing is filtered.</param>
/// <param name="Sorts">Whether to offer the orders (Unread keeps to latest activity).</param>
/// <param name="Controls">Whether to offer filters and orders at all (the home page's excerpt of Latest does not).</param>
public sealed record ThreadListView(ThreadListPage Page, Func<ThreadListChoice, string?, string> Link, string HeadingId, bool ShowSpace, string Empty, bool SignedIn, bool Sorts = true, bool Controls = true)
{
    /// <summary>Controls show only when they can change something: a list with threads, or a choice to undo.</summary>
    public bool OfferControls => Controls && (Page.Threads.Count > 0 || !Page.Choice.IsDefault || !Page.IsFirstPage);

    public IEnumerable<ThreadListChoice.Choice<ThreadFilter>> Filters =>
        ThreadListChoice.Filters.Where(f => SignedIn || !f.SignedInOnly);
}

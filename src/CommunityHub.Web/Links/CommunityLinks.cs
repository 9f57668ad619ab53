using CommunityHub.Application;
using CommunityHub.Application.Lists;
using Microsoft.Extensions.Options;

namespace CommunityHub.Web.Links;

/// <summary>The one owner of the community's addresses. Every link and redirect — on pages, in feeds and in
/// e-mails — comes from here, and here from the routes the pages declare (<c>@page</c>), through ASP.NET Core's
/// <see cref="LinkGenerator"/>: a URL's shape is written once, in its page.</summary>
public sealed class CommunityLinks(LinkGenerator links, IHttpContextAccessor http, IOptions<CommunityOptions> options)
{
    public string Home => Page("/Index");

    public string Values => Page("/Values");

    /// <summary>One copy of an attachment; the name at the end is what a browser saves it as.</summary>
    public string Attachment(Guid id, string fileName, CommunityHub.Domain.Attachments.AttachmentVariant variant = CommunityHub.Domain.Attachments.AttachmentVariant.Original) =>
        Page("/Attachments/File", new { id, variant = variant.ToString().ToLowerInvariant(), name = fileName });

    /// <summary>A member's picture at one of its sizes; the id changes with every upload, so the address is versioned.</summary>
    public string Avatar(Guid id, int size) => Page("/Avatars/Image", new { id, size });

    /// <summary>Where a member changes or removes their picture.</summary>
    public string AccountAvatar => Page("/Account/Avatar");

    /// <summary>Where the composer's script uploads a pasted or dropped file.</summary>
    public string UploadAttachment => Page("/Attachments/Upload");

    /// <summary>The member's open drafts.</summary>
    public string Drafts => Page("/Drafts/Index");

    /// <summary>Where the composer's script reads and saves its draft.</summary>
    public string CurrentDraft => Page("/Drafts/Current");

    /// <summary>Where the composer's Preview tab sends the text to be rendered.</summary>
    public string ComposerPreview => Page("/Composer/Preview");

    /// <summary>Where the composer's @ completion looks members up (<c>?q=</c> is added by the script).</summary>
    public string ComposerMembers => Page("/Composer/Members");

    /// <summary>The emoji shortcodes the composer's : completion offers.</summary>
    public string ComposerEmoji => Page("/Composer/Emoji");

    public string SearchPage => Page("/Search/Index");

    /// <summary>A search, on page <paramref name="page"/> of its results (blank filters are left out).</summary>
    public string Search(string? q, string? space, string? author, int page, string? status = null, DateOnly? from = null, DateOnly? to = null, string? tag = null) =>
        Page("/Search/Index", new { q = Blank(q), space = Blank(space), author = Blank(author), status = Blank(status), from = Day(from), to = Day(to), tag = Blank(tag), page });

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string Notifications => Page("/Notifications/Index");

    public string NotificationsBefore(long? before) => Page("/Notifications/Index", new { before });

    public string ReadNotification(long id, long? before) => Page("/Notifications/Index", new { id, before }, "read");

    public string ReadAllNotifications => Page("/Notifications/Index", null, "readAll");

    public string ResendConfirmation => Page("/Notifications/Settings", null, "confirm");

    public string NotificationSettings => Page("/Notifications/Settings");

    public string Dashboard => Page("/Staff/Dashboard");

    public string ModerationQueue => Page("/Moderation/Index");

    public string ModerationLog => Page("/Moderation/Log");

    /// <summary>Posts awaiting approval, beside the flags.</summary>
    public string ApprovalQueue => Page("/Moderation/Approval");

    public string ModerationLogPage(Guid? moderator, CommunityHub.Domain.Moderation.ModerationAction? action, long? before) => Page("/Moderation/Log", new { moderator, action, before });

    public string ModerationMembers => Page("/Moderation/Members");

    public string AdminSpaces => Page("/Admin/Spaces");

    public string NewSpace => Page("/Admin/SpaceForm");

    public string AdminGroups => Page("/Admin/Groups");

    public string AdminInvites => Page("/Admin/Invites");

    /// <summary>The registration page reached through an invite link.</summary>
    public string RegisterWithInvite(string code) => Page("/Account/Register", new { invite = code });
    /// <summary>Watched words and link rules.</summary>
    public string AdminContentFilter => Page("/Admin/ContentFilter");

    /// <summary>The support desk connection that staff escalate threads to (issue 17).</summary>
    public string AdminSupportDesk => Page("/Admin/SupportDesk");

    public string AdminValues => Page("/Admin/Values");

    public string TieModel => Page("/Admin/TieModel");

    public string Triage => Page("/Staff/Triage");

    public string Organisations => Page("/Staff/Organisations");

    public string Register => Page("/Account/Register");

    public string Account => Page("/Account/Index");

    /// <summary>The members the signed-in member ignores, each with "Stop ignoring".</summary>
    public string IgnoredMembers => Page("/Account/Ignored");

    public string Welcome => Page("/Account/Welcome");

    public string AccountEmail => Page("/Account/Email");

    public string AccountPassword => Page("/Account/Password");

    public string TwoFactor => Page("/Account/TwoFactor");

    public string LinkedSignIns => Page("/Account/SignIns");

    public string Sessions => Page("/Account/Sessions");

    public string PrivateFeeds => Page("/Account/Feeds");

    /// <summary>The member's REST API tokens; the admins' service tokens; the API's reference.</summary>
    public string ApiTokens => Page("/Account/Tokens");

    public string ServiceTokens => Page("/Admin/Tokens");

    public string ApiReference => Page("/Api/Reference");

    /// <summary>Where a "Continue with …" (or "Link …") form posts to start single sign-on at a provider.</summary>
    public string StartSingleSignOn => Page("/Account/External");

    /// <summary>The page that says in words why signing in with <paramref name="provider"/> did not work (one of the
    /// reasons <c>SignInFailures</c> names).</summary>
    public string SignInFailed(string? provider, string reason) => Page("/Account/External", new { provider, reason }, "failed");

    public string SignOut => Page("/Account/SignOut");

    public string ForgotPassword => Page("/Account/ForgotPassword");

    public string Standing => Page("/Account/Standing");

    public string YourData => Page("/Account/Data");

    public string DownloadYourData => Page("/Account/Data", new { handler = "download" });

    public string DeleteAccount => Page("/Account/Data", new { handler = "delete" });

    public string SignIn(string? returnUrl = null) => Page("/Account/SignIn", new { returnUrl });

    public string Space(string slug) => Page("/Spaces/Show", new { slug });

    /// <summary>A space's threads, filtered to those with the company taking part, from a page cursor on.</summary>
    public string Space(string slug, bool companyOnly, string? after = null) =>
        Page("/Spaces/Show", new { slug, with = companyOnly ? "company" : null, after });

    public string WatchSpace(string slug) => Page("/Spaces/Show", new { slug }, "watch");

    /// <summary>A space's threads as the reader chose to filter and order them, from a page cursor on.</summary>
    public string Space(string slug, ThreadListChoice choice, string? after = null) =>
        Page("/Spaces/Show", new { slug, show = choice?.ShowName, sort = choice?.SortName, period = choice?.PeriodName, after });

    /// <summary>Latest: every space's threads (the reader's choice of filter and order, from a page cursor on).</summary>
    public string Latest(ThreadListChoice? choice = null, string? after = null) =>
        Page("/Lists/Latest", new { show = choice?.ShowName, sort = choice?.SortName, period = choice?.PeriodName, after });

    /// <summary>Unread: threads with replies since the member last read them.</summary>
    public string Unread(ThreadListChoice? choice = null, string? after = null) =>
        Page("/Lists/Unread", new { show = choice?.ShowName, sort = choice?.SortName, period = choice?.PeriodName, after });

    /// <summary>A tag's page: the threads carrying it.</summary>
    public string Tag(string name, ThreadListChoice? choice = null, string? after = null) =>
        Page("/Tags/Show", new { tag = name, show = choice?.ShowName, sort = choice?.SortName, period = choice?.PeriodName, after });

    public string WatchTag(string name) => Page("/Tags/Show", new { tag = name }, "watch");

    /// <summary>The feed (<c>atom</c> or <c>rss</c>) of a tag's new threads.</summary>
    public string TagFeed(string format, string name, string? key = null) => Named(FeedNames.Tag, new { tag = name, format, key });

    /// <summary>The form that changes a thread's tags.</summary>
    public string ThreadTags(string spaceSlug, long threadId) => Page("/Threads/Tags", new { slug = spaceSlug, id = threadId });

    /// <summary>The form that changes a thread's title.</summary>
    public string ThreadTitle(string spaceSlug, long threadId) => Page("/Threads/Title", new { slug = spaceSlug, id = threadId });

    public string AdminTags => Page("/Admin/Tags");

    public string NewTagGroup => Page("/Admin/TagGroup");

    public string EditTagGroup(int groupId) => Page("/Admin/TagGroup", new { id = groupId });

    public string NewThread(string slug) => Page("/Threads/New", new { slug });

    /// <summary>The new-thread form's "check for similar questions" step (without script).</summary>
    public string CheckSimilarQuestions(string slug) => Page("/Threads/New", new { slug }, "check");

    /// <summary>An Ideas space's list, sorted ("top", "trending", "new"; top is left out) and filtered by status.</summary>
    public string Ideas(string slug, string? sort = null, string? status = null, string? after = null) =>
        Page("/Ideas/Index", new { slug, sort = sort == "top" ? null : Blank(sort), status = Blank(status), after = Blank(after) });

    public string Roadmap => Page("/Ideas/Roadmap");

    public string IdeaVoters(string slug, long threadId, int? after = null) => Page("/Ideas/Voters", new { slug, id = threadId, after });

    /// <summary>Where an idea's forms post: "vote", "status", "merge".</summary>
    public string IdeaAction(long threadId, string handler) => Page("/Ideas/Actions", new { id = threadId }, handler);

    /// <summary>Threads that may already answer a title being typed (the new-thread form's script, or its step without script).</summary>
    public string SimilarThreads(string slug) => Page("/Threads/Similar", new { slug });

    /// <summary>A suggestion opened from the new-thread form <paramref name="form"/>: recorded, then on to the thread.</summary>
    public string OpenSuggestion(string slug, Guid form, long threadId) => Page("/Threads/Similar", new { slug, form, open = threadId }, "open");

    public ThreadLinks Thread(string spaceSlug, long threadId) => new(Page("/Threads/Show", new { slug = spaceSlug, id = threadId }));

    /// <summary>The page of the thread that shows <paramref name="postId"/> (its opening post: the thread itself).</summary>
    public string Post(string spaceSlug, long threadId, long? postId) =>
        postId is { } id ? Thread(spaceSlug, threadId).Post(id) : Thread(spaceSlug, threadId).Path;

    public string Member(string handle) => Page("/Members/Show", new { handle });

    public string Tie(string handle, string otherHandle) => Page("/Members/Tie", new { handle, other = otherHandle });

    public string EditPost(long postId) => Page("/Posts/Edit", new { id = postId });

    public string PostHistory(long postId) => Page("/Posts/History", new { id = postId });

    public string FlagPost(long postId) => Page("/Posts/Flag", new { id = postId });

    public string HidePost(long postId) => Page("/Posts/Hide", new { id = postId });

    /// <summary>Where a post's one-button actions post to (<c>official</c>, <c>restore</c>).</summary>
    public string PostAction(long postId, string handler) => Page("/Posts/Actions", new { id = postId }, handler);

    /// <summary>Where the moderation bar's forms post to (<c>change</c>, <c>move</c>).</summary>
    public string ModerateThread(long threadId, string handler) => Page("/Moderation/ThreadActions", new { id = threadId }, handler);

    public string MemberStanding(Guid memberId) => Page("/Moderation/Member", new { id = memberId });

    /// <summary>Where the member page's forms post to (<c>sanction</c>, <c>roles</c>, <c>purge</c>).</summary>
    public string ActOnMember(Guid memberId, string handler) => Page("/Moderation/Member", new { id = memberId }, handler);

    public string EditSpace(int spaceId) => Page("/Admin/SpaceForm", new { id = spaceId });

    public string SpaceIdeas(int spaceId) => Page("/Admin/SpaceForm", new { id = spaceId }, "ideas");

    public string SpaceAccess(int spaceId) => Page("/Admin/SpaceAccess", new { id = spaceId });

    public string AdminGroup(int groupId) => Page("/Admin/Group", new { id = groupId });

    // Webhooks (issue 17): the endpoints, one endpoint's delivery log, and its forms.
    public string AdminWebhooks => Page("/Admin/Webhooks");

    public string NewWebhook => Page("/Admin/WebhookNew");

    public string AdminWebhook(Guid endpointId) => Page("/Admin/Webhook", new { id = endpointId });

    public string EditWebhook(Guid endpointId) => Page("/Admin/WebhookEdit", new { id = endpointId });

    /// <summary>The delivery log's forms: <c>ping</c>, <c>delete</c>, <c>redeliver</c>.</summary>
    public string ActOnWebhook(Guid endpointId, string handler) => Page("/Admin/Webhook", new { id = endpointId }, handler);

    public string AdminGroupJoining(int groupId) => Page("/Admin/GroupJoining", new { id = groupId });

    public string AdminGroupMentions(int groupId) => Page("/Admin/GroupMentions", new { id = groupId });

    public string ConfirmEmail(Guid memberId, string code) => Page("/Account/ConfirmEmail", new { member = memberId, code });

    public string ConfirmEmailChange(Guid memberId, string email, string code) => Page("/Account/ConfirmEmailChange", new { member = memberId, email, code });

    public string ResetPassword(string email, string code) => Page("/Account/ResetPassword", new { email, code });

    /// <summary>The feed (<c>atom</c> or <c>rss</c>) of the community, a space, or a thread; with a member's
    /// <paramref name="key"/>, their private feed of it.</summary>
    public string Feed(string format, string? spaceSlug = null, long? threadId = null, string? key = null) =>
        (threadId is { } id ? Named(FeedNames.Thread, new { slug = spaceSlug, id, format, key })
            : spaceSlug is not null ? Named(FeedNames.Space, new { slug = spaceSlug, format, key })
            : Named(FeedNames.Community, new { format, key }));

    /// <summary>The page a feed follows: the community's home, a space, or a thread.</summary>
    public string FeedPage(string? spaceSlug, long? threadId) =>
        threadId is { } id ? Thread(spaceSlug!, id).Path : spaceSlug is not null ? Space(spaceSlug) : Home;

    /// <summary>A link for outside any request (an e-mail, a feed entry): absolute, on the community's public address.</summary>
    public Uri Absolute(string path)
    {
        var origin = options.Value.PublicUrl;
        return new Uri(origin, path.StartsWith(origin.AbsolutePath, StringComparison.Ordinal) ? path : origin.AbsolutePath.TrimEnd('/') + path);
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private string Named(string endpoint, object values) =>
        (http.HttpContext is { } context
            ? links.GetPathByName(context, endpoint, values)
            : links.GetPathByName(endpoint, values, new PathString(options.Value.PublicUrl.AbsolutePath.TrimEnd('/'))))
        ?? throw new InvalidOperationException($"No route to {endpoint}.");

    private string Page(string page, object? values = null, string? handler = null) =>
        (http.HttpContext is { } context
            ? links.GetPathByPage(context, page, handler, values)
            : links.GetPathByPage(page, handler, values, new PathString(options.Value.PublicUrl.AbsolutePath.TrimEnd('/'))))
        ?? throw new InvalidOperationException($"No route to the page {page}.");
}

/// <summary>The names of the feed endpoints, which links ask for instead of spelling their addresses.</summary>
public static class FeedNames
{
    public const string Community = "feed";
    public const string Space = "space-feed";
    public const string Tag = "tag-feed";
    public const string Thread = "thread-feed";
}

/// <summary>The addresses within one thread, from its page's route: a page of replies, a post in its page, the
/// reply form. The query and fragment shapes the thread page reads are written here once.</summary>
public sealed record ThreadLinks(string Path)
{
    /// <summary>The page of replies that ends with <paramref name="postId"/>, scrolled to it.</summary>
    public string Post(long postId) => $"{Path}?before={postId + 1}#post-{postId}";

    /// <summary>The page of replies the reader was on (<paramref name="after"/> or <paramref name="before"/>), at <paramref name="postId"/>.</summary>
    public string OnPage(long postId, long? after, long? before) =>
        (after is { } a ? After(a) : before is { } b ? Before(b) : Path) + $"#post-{postId}";

    public string After(long postId) => $"{Path}?after={postId}";

    public string Before(long postId) => $"{Path}?before={postId}";

    /// <summary>The reply form, answering <paramref name="postId"/>.</summary>
    public string ReplyTo(long postId) => $"{Path}?replyTo={postId}#reply-form";

    public string ReplyForm => $"{Path}#reply-form";

    /// <summary>The reply form, starting with a quote of <paramref name="postId"/>.</summary>
    public string Quote(long postId) => $"{Path}?quote={postId}#reply-form";

    public string New => $"{Path}#new";

    public string Watch => $"{Path}#watch";

    /// <summary>A form on the thread page posting to one of its handlers, keeping the page of replies it was on.</summary>
    public string Handler(string handler, string? pageQuery = null) => $"{Path}?handler={handler}{pageQuery}";

}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Conversation;

public sealed class DeleteReplyPageTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task An_author_deletes_their_reply_and_everyone_sees_it_removed()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var bruno = await NewMemberAsync("Bruno");
        using (await ReplyAsync(bruno, thread, "Words to take back")) { }
        Assert.Null((await GetPageAsync(alice, thread)).QuerySelector(".post-list .post__delete"));
        Assert.Null((await GetPageAsync(bruno, thread)).QuerySelector(".post--opening .post__delete"));

        using var deleted = await SubmitFormAsync(bruno, thread, new Dictionary<string, string>(), ".post-list .post__delete form");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var page = await GetPageAsync(NewVisitor(), thread);
        Assert.Equal("This reply was removed by its author.", page.QuerySelector(".post-list .post__removed")!.TextContent);
        Assert.DoesNotContain("Words to take back", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_delete_of_someone_elses_reply_is_refused_and_an_opening_post_is_refused_with_the_reason()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");
        var thread = await StartThreadAsync(alice);
        var bruno = await NewMemberAsync("Bruno");
        using (await ReplyAsync(bruno, thread, "Bruno's reply")) { }
        var (replyId, openingId) = await DbAsync(async db => (
            await db.Posts.Where(p => !p.IsOpeningPost).Select(p => p.Id).SingleAsync(),
            await db.Posts.Where(p => p.IsOpeningPost).Select(p => p.Id).SingleAsync()));
        var token = FormValues((await GetPageAsync(alice, thread)).QuerySelector<IHtmlFormElement>("#reply-form form")!)["__RequestVerificationToken"];

        using var forged = await PostAsync(alice, $"{thread}?handler=delete", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["postId"] = replyId.ToString() });
        using var opening = await PostAsync(alice, $"{thread}?handler=delete", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["postId"] = openingId.ToString() });

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opening.StatusCode);
        Assert.Contains("An opening post can't be deleted", (await ParseAsync(opening)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(db => db.Posts.CountAsync(p => p.DeletedAt != null)));
    }
}

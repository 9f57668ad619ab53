using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using static CommunityHub.Web.Tests.Pages.HtmlConformanceTests;

namespace CommunityHub.Web.Tests.Conversation;

/// <summary>The conversation features' pages, in every state, pass the Nu HTML checker (no errors, no warnings).</summary>
public sealed class ConversationPagesConformanceTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Every_conversation_page_is_valid_html()
    {
        await CreateSpaceAsync();
        var visitor = NewVisitor();
        var alice = await NewMemberAsync("Alice");
        var bruno = await NewMemberAsync("Bruno");
        var thread = await StartThreadAsync(alice, title: "Exports & <imports>", body: "How do I export **invoices**?");
        await GetPageAsync(alice, thread);
        using (await ReplyAsync(bruno, thread, "Use the export menu.")) { }
        using (await ReplyAsync(bruno, thread, "I take this back.")) { }
        using (await SubmitFormAsync(bruno, thread, new Dictionary<string, string>(), ".post-list li:last-child .post__delete form")) { }
        using (await SubmitFormAsync(alice, "/s/questions", new Dictionary<string, string>(), ".page-actions form")) { }
        var openingId = await DbAsync(db => db.Posts.Where(p => p.IsOpeningPost).Select(p => p.Id).SingleAsync());

        var pages = new Dictionary<string, string>
        {
            ["space-watched-unread"] = await HtmlAsync(alice, "/s/questions"),
            ["notifications"] = await HtmlAsync(alice, "/notifications"),
            ["thread-unread-with-removed-reply"] = await HtmlAsync(alice, thread),
            ["thread-author-can-delete"] = await HtmlAsync(bruno, thread),
            ["thread-delete-opening-refused"] = await FormHtmlAsync(PostAsync(alice, $"{thread}?handler=delete", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = FormValues((await GetPageAsync(alice, thread)).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("#reply-form form")!)["__RequestVerificationToken"],
                ["postId"] = openingId.ToString(),
            })),
            ["notifications-empty"] = await HtmlAsync(await NewMemberAsync("Chloe"), "/notifications"),
            ["notification-settings"] = await HtmlAsync(alice, "/notifications/settings"),
            ["notification-settings-refused"] = await FormHtmlAsync(SubmitFormAsync(alice, "/notifications/settings", new Dictionary<string, string> { ["Input.Channels[Mention]"] = "Pigeon" }, "#settings-form")),
            ["search"] = await HtmlAsync(visitor, "/search"),
            ["search-results"] = await HtmlAsync(visitor, "/search?q=export"),
            ["search-no-results"] = await HtmlAsync(visitor, "/search?q=zebra&space=questions&author=Nobody"),
            ["search-filtered"] = await HtmlAsync(visitor, "/search?q=export&status=solved&from=2026-01-01&to=2026-12-31"),
            ["forgot-password"] = await HtmlAsync(visitor, "/account/forgot-password"),
            ["forgot-password-sent"] = await HtmlAsync(visitor, "/account/forgot-password?sent=true"),
            ["forgot-password-refused"] = await FormHtmlAsync(SubmitFormAsync(visitor, "/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "not an address" })),
            ["reset-password"] = await HtmlAsync(visitor, "/account/reset-password?email=a%40example.com&code=abc"),
            ["reset-password-refused"] = await FormHtmlAsync(SubmitFormAsync(visitor, "/account/reset-password?email=a%40example.com&code=abc", new Dictionary<string, string> { ["Input.Password"] = "long enough password" })),
            ["confirm-email-invalid"] = await HtmlAsync(visitor, $"/account/confirm-email?member={Guid.NewGuid()}&code=abc"),
            ["sign-in-after-reset"] = await HtmlAsync(visitor, "/account/sign-in?reset=true"),
        };

        var findings = await CheckAsync(pages);

        Assert.True(findings.Count == 0, "The Nu HTML checker found:\n" + string.Join("\n", findings));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/search?q=export")).StatusCode);
    }
}

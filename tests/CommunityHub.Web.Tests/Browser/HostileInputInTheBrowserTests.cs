using System.Net;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Tests.Hostile;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>The XSS vectors and naughty strings rendered in a real browser: thread titles, a post body holding
/// all of them, display names, a space's name and purpose, search results. No injected script runs: window.__xss
/// stays undefined and no dialog opens. The browser bypasses the Content-Security-Policy here, so this proves
/// the markup itself is inert, not only that the policy blocks it.</summary>
public sealed class HostileInputInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Fact]
    public async Task No_injected_script_runs_on_any_page_that_shows_hostile_input()
    {
        var vectors = HostileCorpus.Xss.Where(HostileCorpus.FitsText).ToList();
        var ada = await NewMemberAsync("Ada", Roles.Admin);
        var spaceName = "<img src=x onerror=window.__xss=1>";
        using (var created = await SubmitFormAsync(ada, "/admin/spaces/new", new Dictionary<string, string>
               {
                   ["Input.Name"] = spaceName,
                   ["Input.Slug"] = "hostile",
                   ["Input.Purpose"] = string.Join(" ", vectors.Where(v => v.Length < 60).Take(8)),
               }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var authors = new List<string>();
        var threads = new List<string>();
        foreach (var (vector, i) in vectors.Where(v => HostileCorpus.FitsLine(v, Member.DisplayNameMaxLength)).Take(12).Select((v, i) => (v, i)))
        {
            var author = NewVisitor();
            using (var registered = await SubmitFormAsync(author, "/account/register", new Dictionary<string, string>
                   {
                       ["Input.DisplayName"] = vector,
                       ["Input.Email"] = $"hostile{i}@example.com",
                       ["Input.Password"] = Password,
                   }))
            {
                Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
            }

            authors.Add(vector);
            threads.Add(await StartThreadAsync(author, "hostile", title: vector, body: string.Join("\n\n", vectors)));
        }

        foreach (var (vector, i) in vectors.Where(v => HostileCorpus.FitsLine(v, 200)).Skip(12).Select((v, i) => (v, i)))
        {
            threads.Add(await StartThreadAsync(ada, "hostile", title: vector, body: string.Join("\n\n", HostileCorpus.Naughty.Where(HostileCorpus.FitsText).Skip(i * 10).Take(10))));
        }

        var lastThread = threads[^1];
        using (var replied = await ReplyAsync(ada, lastThread, string.Join("\n\n", vectors)))
        {
            Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        }

        var handles = await DbAsync(db => db.Members.Where(m => authors.Contains(m.DisplayName)).Select(m => m.Handle).ToListAsync());
        var page = await NewPersonAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{page.Url}: {dialog.Type} {dialog.Message}");
            await dialog.DismissAsync();
        };

        var urls = new List<string> { "/", "/s/hostile", "/s/hostile?page=2", "/search?q=script", "/search?q=window", "/search?q=onerror", "/search?q=javascript", "/feed.atom" };
        urls.AddRange(threads);
        urls.AddRange(handles.Select(h => $"/members/{Uri.EscapeDataString(h)}"));
        foreach (var url in urls)
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.Load);
            // Give handlers such as onerror and onfocus their chance.
            await page.Mouse.MoveAsync(200, 300);
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"), $"Injected script ran on {url}.");
        }

        Assert.True(dialogs.Count == 0, string.Join("\n", dialogs));
        // The hostile text is there, shown as text.
        await page.GotoAsync(lastThread);
        await Assertions.Expect(page.Locator(".post-list")).ToContainTextAsync("window.__xss=1");
    }
}

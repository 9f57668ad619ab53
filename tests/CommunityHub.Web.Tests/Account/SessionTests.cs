using System.Net;
using Microsoft.EntityFrameworkCore;
using static CommunityHub.Web.Tests.Account.AccountTestKit;

namespace CommunityHub.Web.Tests.Account;

/// <summary>Sessions live on the server: a sign-in cookie copied before the session ended is worth nothing after.</summary>
public sealed class SessionTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task A_copied_cookie_is_dead_after_signing_out()
    {
        using (await NewMemberAsync("Alice"))
        {
        }

        var alice = NewVisitor();
        var copied = await SignInAndCopyCookieAsync(alice, EmailOf("Alice"), Password);
        var thief = WithCookie(Fixture.App, copied);
        Assert.True(await IsSignedInAsync(thief));

        using var signedOut = await SubmitFormAsync(alice, "/account/sign-out", new Dictionary<string, string>());

        Assert.False(await IsSignedInAsync(thief));
        Assert.False(await IsSignedInAsync(alice));
    }

    [Fact]
    public async Task A_copied_cookie_is_dead_after_signing_out_everywhere()
    {
        using (await NewMemberAsync("Alice"))
        {
        }

        var laptop = NewVisitor();
        var copied = await SignInAndCopyCookieAsync(laptop, EmailOf("Alice"), Password);
        var phone = NewVisitor();
        await SignInAndCopyCookieAsync(phone, EmailOf("Alice"), Password);
        var thief = WithCookie(Fixture.App, copied);

        using var everywhere = await SubmitFormAsync(phone, "/account/sessions", new Dictionary<string, string>(), "form[action='/account/sessions/everywhere']");
        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);

        Assert.False(await IsSignedInAsync(thief));
        Assert.False(await IsSignedInAsync(laptop));
        Assert.False(await IsSignedInAsync(phone));
        Assert.Equal(0, await DbAsync(db => db.SignInSessions.CountAsync()));
    }

    [Fact]
    public async Task A_copied_cookie_is_dead_after_a_password_change_and_the_changing_session_stays()
    {
        using (await NewMemberAsync("Alice"))
        {
        }

        var laptop = NewVisitor();
        var copied = await SignInAndCopyCookieAsync(laptop, EmailOf("Alice"), Password);
        var phone = NewVisitor();
        await SignInAndCopyCookieAsync(phone, EmailOf("Alice"), Password);
        var thief = WithCookie(Fixture.App, copied);

        using var changed = await SubmitFormAsync(phone, "/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password, ["Input.NewPassword"] = "a brand new passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.False(await IsSignedInAsync(thief));
        Assert.False(await IsSignedInAsync(laptop));
        Assert.True(await IsSignedInAsync(phone));
    }

    [Fact]
    public async Task The_session_list_shows_each_device_and_signs_one_out()
    {
        using (await NewMemberAsync("Alice"))
        {
        }

        var laptop = NewVisitor();
        laptop.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0");
        var laptopCookie = await SignInAndCopyCookieAsync(laptop, EmailOf("Alice"), Password);
        var phone = NewVisitor();
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0 Mobile Safari/537.36");
        await SignInAndCopyCookieAsync(phone, EmailOf("Alice"), Password);

        var list = await GetPageAsync(phone, "/account/sessions");
        var devices = list.QuerySelectorAll(".session__device").Select(d => d.TextContent).ToList();
        Assert.Contains("Chrome on Android (this one)", devices);
        Assert.Contains("Firefox on Linux", devices);

        using var ended = await SubmitFormAsync(phone, "/account/sessions", new Dictionary<string, string>(), "form[action='/account/sessions/end']");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.False(await IsSignedInAsync(WithCookie(Fixture.App, laptopCookie)));
        Assert.True(await IsSignedInAsync(phone));
    }

    [Fact]
    public async Task A_member_cannot_end_someone_elses_session()
    {
        using (await NewMemberAsync("Alice"))
        {
        }

        var alice = NewVisitor();
        var aliceCookie = await SignInAndCopyCookieAsync(alice, EmailOf("Alice"), Password);
        var bruno = await NewMemberAsync("Bruno");
        var aliceSession = await DbAsync(db => db.SignInSessions.Where(s => db.Members.Any(m => m.Id == s.MemberId && m.DisplayName == "Alice")).Select(s => s.Id).FirstAsync());

        using var forged = await SubmitFormAsync(bruno, "/account/sessions", new Dictionary<string, string>(), "form[action='/account/sessions/everywhere']",
            formAction: "/account/sessions/end", extra: new Dictionary<string, string> { ["sessionId"] = aliceSession });

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.True(await IsSignedInAsync(WithCookie(Fixture.App, aliceCookie)));
    }
}

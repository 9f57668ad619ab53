using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Sso;

/// <summary>Base for single sign-on tests over HTTP: a person with two cookie jars (the community's and Example
/// Corp's) following every redirect by hand, so a test can stop, tamper or replay at any step.</summary>
public abstract class SsoTest(WebFixture fixture, SsoApps sso) : WebTest(fixture), IClassFixture<SsoApps>
{
    protected SsoApps Sso { get; } = sso;

    protected ExampleCorpProvider Provider => Sso.Provider;

    protected Task<CommunityWebFactory> AppAsync(string name = "sso", IReadOnlyDictionary<string, string?>? settings = null) => Sso.AppAsync(Fixture, name, settings);

    /// <summary>Someone with a browser's two cookie jars: one for the community, one for the provider.</summary>
    protected sealed class Person(HttpClient community, HttpClient provider)
    {
        public HttpClient Community { get; } = community;

        public HttpClient Provider { get; } = provider;
    }

    protected async Task<Person> NewPersonAsync(CommunityWebFactory? app = null)
    {
        app ??= await AppAsync();
        var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = Provider.Authority };
        return new Person(NewVisitor(app), provider);
    }

    /// <summary>Presses "Continue with Example Corp" on the sign-in page and signs in at the provider as
    /// <paramref name="user"/>; returns the provider's redirect back to the community (code and state), not yet followed.</summary>
    protected async Task<Uri> SignInAtProviderAsync(Person person, ProviderUser user, string provider = "example-corp", Func<Task<HttpResponseMessage>>? start = null)
    {
        using var started = await (start ?? (() => PressContinueWithAsync(person.Community, provider)))();
        Assert.Equal(HttpStatusCode.Found, started.StatusCode);
        var authorize = started.Headers.Location!;
        Assert.StartsWith(Provider.Authority.ToString(), authorize.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge=", authorize.Query, StringComparison.Ordinal);

        using var toLogin = await person.Provider.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var login = new Uri(Provider.Authority, toLogin.Headers.Location!);
        if (login.AbsolutePath != "/login")
        {
            return toLogin.Headers.Location!; // Signed in at the provider already: straight back with a code.
        }

        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(login.Query)["ReturnUrl"].ToString();
        using var loggedIn = await person.Provider.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user.UserName, ["password"] = user.Password, ["ReturnUrl"] = returnUrl,
        }));
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        using var back = await person.Provider.GetAsync(new Uri(Provider.Authority, loggedIn.Headers.Location!));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        return back.Headers.Location!;
    }

    /// <summary>Posts the "Continue with …" form of <paramref name="provider"/> on the sign-in page (with its antiforgery token).</summary>
    protected static async Task<HttpResponseMessage> PressContinueWithAsync(HttpClient community, string provider, string page = "/account/sign-in")
    {
        var document = await GetPageAsync(community, page);
        var form = document.QuerySelectorAll<IHtmlFormElement>("form.sso-provider")
            .Single(f => f.QuerySelector<IHtmlInputElement>("input[name=provider]")?.Value == provider);
        return await PostAsync(community, form.GetAttribute("action")!, FormValues(form));
    }

    /// <summary>Follows the community's redirects from the provider's answer until a page answers; returns the last response.</summary>
    protected static async Task<HttpResponseMessage> FollowAsync(HttpClient community, Uri location)
    {
        var next = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        for (var hop = 0; hop < 6; hop++)
        {
            var response = await community.GetAsync(next);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.MovedPermanently) || response.Headers.Location is null)
            {
                return response;
            }

            var to = response.Headers.Location;
            next = to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString;
            response.Dispose();
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    /// <summary>The whole round trip; returns the page the person lands on.</summary>
    protected async Task<IHtmlDocument> ContinueWithExampleCorpAsync(Person person, ProviderUser user)
    {
        var callback = await SignInAtProviderAsync(person, user);
        using var landed = await FollowAsync(person.Community, callback);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        return await ParseAsync(landed);
    }

    protected static string? SignedInAs(IHtmlDocument page) => page.QuerySelector(".account-nav__who strong")?.TextContent;

    protected Task<T> SsoDbAsync<T>(Func<CommunityDbContext, Task<T>> query) => DbAsync(query);

    protected Task<int> MemberCountAsync() => DbAsync(db => db.Members.CountAsync());
}

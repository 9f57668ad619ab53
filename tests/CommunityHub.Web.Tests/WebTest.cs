using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CommunityHub.Domain.Spaces;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Web.Tests;

/// <summary>Base for HTTP tests: a database and app of the class's own (classes run in parallel), clean before
/// each test, browsers-without-a-browser (cookie-keeping clients that do not follow redirects), and helpers for
/// forms with their antiforgery token.</summary>
public abstract class WebTest(WebFixture fixture) : IClassFixture<WebFixture>, IAsyncLifetime
{
    public const string Password = "correct horse battery";

    protected WebFixture Fixture { get; } = fixture;

    public virtual Task InitializeAsync() => Fixture.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected HttpClient NewVisitor() => NewVisitor(Fixture.App);

    /// <summary>A visitor of an app with other settings (<see cref="WebFixture.AppWith"/>).</summary>
    protected static HttpClient NewVisitor(CommunityWebFactory app, Uri? baseAddress = null) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = baseAddress ?? new Uri("http://localhost") });

    protected static async Task<IHtmlDocument> GetPageAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await ParseAsync(response);
    }

    protected static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Fills in the form a person would see on <paramref name="pageUrl"/> (hidden fields, antiforgery
    /// token included), overrides <paramref name="fields"/>, and posts it where the form says.</summary>
    /// <param name="formAction">Post somewhere else than the form says (a forged request built on a real form's token).</param>
    /// <param name="extra">Fields the form does not have.</param>
    protected static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient client, string pageUrl, IDictionary<string, string> fields, string formSelector = "main form", string? formAction = null, IDictionary<string, string>? extra = null)
    {
        var page = await GetPageAsync(client, pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        var values = FormValues(form, fields);
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        return await PostAsync(client, formAction ?? (form.GetAttribute("action") is { Length: > 0 } action ? action : pageUrl), values);
    }

    protected static Dictionary<string, string> FormValues(IHtmlFormElement form, IDictionary<string, string>? overrides = null)
    {
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => !string.IsNullOrEmpty(input.Name) && input.Type is not ("checkbox" or "submit"))
            .GroupBy(input => input.Name!)
            .ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        return values;
    }

    protected static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IDictionary<string, string> values)
    {
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(url, content);
    }

    /// <summary>Registers through the page, which also signs the new member in.</summary>
    protected Task<HttpClient> NewMemberAsync(string displayName) => NewMemberAsync(NewVisitor(), displayName);

    /// <summary>Registers through the page of the app <paramref name="client"/> talks to, which signs them in.</summary>
    protected static async Task<HttpClient> NewMemberAsync(HttpClient client, string displayName)
    {
        using var response = await SubmitFormAsync(client, "/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = displayName,
            ["Input.Email"] = EmailOf(displayName),
            ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Registers a member, grants them <paramref name="roles"/>, and returns a client signed in
    /// afterwards (roles travel in the sign-in cookie).</summary>
    protected async Task<HttpClient> NewMemberAsync(string displayName, params string[] roles)
    {
        using (await NewMemberAsync(displayName))
        {
        }

        await Fixture.GrantAsync(displayName, roles);

        var client = NewVisitor();
        using var signedIn = await SubmitFormAsync(client, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = EmailOf(displayName), ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    protected static string EmailOf(string displayName) => $"{displayName.Replace(' ', '.').ToLowerInvariant()}@example.com";

    protected async Task<T> DbAsync<T>(Func<CommunityDbContext, Task<T>> query)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CommunityDbContext>());
    }

    protected Task<Space> CreateSpaceAsync(string slug = "questions", string name = "Questions", int position = 1) =>
        DbAsync(async db =>
        {
            var space = Space.Create(name, slug, $"The place for {name.ToLowerInvariant()}.", position);
            db.Spaces.Add(space);
            await db.SaveChangesAsync();
            return space;
        });

    /// <summary>Starts a thread through the page and returns its address.</summary>
    protected static async Task<string> StartThreadAsync(HttpClient member, string space = "questions", string title = "How do I export?", string body = "Opening post")
    {
        using var response = await SubmitFormAsync(member, $"/s/{space}/new", new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Body"] = body });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    protected static async Task<HttpResponseMessage> ReplyAsync(HttpClient member, string threadUrl, string body) =>
        await SubmitFormAsync(member, threadUrl, new Dictionary<string, string> { ["Input.Body"] = body }, "#reply-form form");

    /// <summary>Presses one of a post's acknowledgement buttons ("helped", "thank", "react:agree", "accept"...).</summary>
    protected static async Task<HttpResponseMessage> AcknowledgeAsync(HttpClient member, string threadUrl, long postId, string act) =>
        await SubmitFormAsync(member, $"{threadUrl}?before={postId + 1}", new Dictionary<string, string> { ["act"] = act }, $"#post-{postId} form.acks");

    protected Task<int> ReplyCountAsync() => DbAsync(db => db.Posts.CountAsync(p => !p.IsOpeningPost));
}

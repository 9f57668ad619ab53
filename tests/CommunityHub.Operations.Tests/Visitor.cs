using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CommunityHub.Operations.Tests;

/// <summary>A browser without a browser, over real HTTP: keeps cookies (a <see cref="CookieContainer"/> that
/// another instance's visitor may share, as one browser talks to a load balancer), does not follow redirects,
/// and fills in forms with their hidden fields and antiforgery token.</summary>
public sealed class Visitor : IDisposable
{
    public const string Password = "correct horse battery";

    private readonly HttpClient _client;

    public Visitor(Uri address, CookieContainer cookies)
    {
        Cookies = cookies;
        _client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public CookieContainer Cookies { get; }

    public async Task<HttpResponseMessage> GetAsync(string url) => await _client.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        using var response = await GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
        }

        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The form a person would see on <paramref name="pageUrl"/>, filled in: where it posts and every field.</summary>
    public async Task<Form> FillAsync(string pageUrl, IDictionary<string, string> fields, string formSelector = "main form")
    {
        var page = await GetPageAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => !string.IsNullOrEmpty(input.Name) && input.Type is not ("checkbox" or "submit"))
            .GroupBy(input => input.Name!)
            .ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        if (!values.ContainsKey("__RequestVerificationToken"))
        {
            throw new InvalidOperationException($"The form on {pageUrl} has no antiforgery token.");
        }

        return new Form(form.GetAttribute("action") is { Length: > 0 } action ? action : pageUrl, values);
    }

    public async Task<HttpResponseMessage> PostAsync(Form form, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(form.Action, UriKind.Relative)) { Content = new FormUrlEncodedContent(form.Values) };
        return await _client.SendAsync(request, completion);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => await _client.SendAsync(request);

    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, IDictionary<string, string> fields, string formSelector = "main form") =>
        await PostAsync(await FillAsync(pageUrl, fields, formSelector));

    /// <summary>Registers through the page, which signs the new member in.</summary>
    public async Task RegisterAsync(string displayName)
    {
        using var response = await SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = displayName,
            ["Input.Email"] = EmailOf(displayName),
            ["Input.Password"] = Password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Registering {displayName} answered {(int)response.StatusCode}.");
        }
    }

    public static string EmailOf(string displayName) => $"{displayName.Replace(' ', '.').ToLowerInvariant()}@example.com";

    public void Dispose() => _client.Dispose();

    /// <summary>A filled-in form: sent again as it is, it is the same submission (same id, same token).</summary>
    public sealed record Form(string Action, Dictionary<string, string> Values);
}

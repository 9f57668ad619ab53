using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CommunityHub.Web.Tests.Api;

/// <summary>Base for the REST API's tests: tokens made through the real pages, and a cookie-less client that sends one.</summary>
public abstract class ApiTest(WebFixture fixture) : WebTest(fixture)
{
    /// <summary>Makes a token on /account/tokens as a person would (the form with its antiforgery token) and reads the
    /// secret off the page the form redirects to.</summary>
    protected static async Task<string> MakeTokenAsync(HttpClient member, string name = "Script", params string[] scopes)
    {
        using var made = await PostTokenFormAsync(member, "/account/tokens", name, scopes.Length == 0 ? ["read", "write"] : scopes);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var page = await GetPageAsync(member, made.Headers.Location!.OriginalString);
        return page.QuerySelector<IHtmlInputElement>("#new-token")!.Value;
    }

    protected static async Task<HttpResponseMessage> PostTokenFormAsync(HttpClient member, string url, string name, IEnumerable<string> scopes, IDictionary<string, string>? extra = null)
    {
        var page = await GetPageAsync(member, url);
        var form = page.QuerySelector<IHtmlFormElement>("main form:not([action*='handler'])")!;
        var fields = FormValues(form).Where(f => f.Key is not ("Input.Name" or "Input.ExpiresOn" or "Input.BotName")).ToList();
        fields.Add(new("Input.Name", name));
        fields.AddRange(scopes.Select(s => new KeyValuePair<string, string>("Input.Scopes", s)));
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            fields.Add(new(key, value));
        }

        using var content = new FormUrlEncodedContent(fields);
        return await member.PostAsync(url, content);
    }

    /// <summary>A client that holds no cookie and sends <paramref name="token"/> (when given) as a bearer token.</summary>
    protected HttpClient Api(string? token)
    {
        var client = NewVisitor();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    protected static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    protected static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a Problem Details answer of <paramref name="status"/> and returns it.</summary>
    protected static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    protected static async Task<(long ThreadId, string Url)> StartThreadThroughApiAsync(HttpClient api, string space = "questions", string title = "From a script", string body = "Posted through the API.")
    {
        using var response = await api.PostAsync($"/api/v1/spaces/{space}/threads", Json(JsonSerializer.Serialize(new { title, body })));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var created = JsonDocument.Parse(text);
        return (created.RootElement.GetProperty("threadId").GetInt64(), response.Headers.Location!.ToString());
    }
}

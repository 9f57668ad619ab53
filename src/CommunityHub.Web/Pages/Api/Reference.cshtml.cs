using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.OpenApi;

namespace CommunityHub.Web.Pages.Api;

/// <summary>The REST API's reference (/api): the OpenAPI document the code generates, rendered as a page — each
/// operation with its parameters and a curl example, and each schema with its fields. No script, nothing from a CDN.</summary>
public sealed class ReferenceModel([FromKeyedServices("v1")] IOpenApiDocumentProvider documents) : PageModel
{
    public sealed record Operation(string Method, string Path, string? Summary, IReadOnlyList<string> Parameters, string? Scope, bool HasBody, string Curl);

    public sealed record Schema(string Name, IReadOnlyList<(string Name, string Type)> Fields);

    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    public IReadOnlyList<Schema> Schemas { get; private set; } = [];

    public string Origin => $"{Request.Scheme}://{Request.Host}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        Operations = [.. (document.Paths ?? new OpenApiPaths())
            .SelectMany(path => (path.Value.Operations ?? []).Select(op => (Path: path.Key, Method: op.Key.Method.ToUpperInvariant(), Op: op.Value)))
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)
            .Select(o => new Operation(o.Method, o.Path, o.Op.Summary,
                [.. (o.Op.Parameters ?? []).Select(p => $"{p.Name} ({p.In?.ToString().ToLowerInvariant()})")],
                null, o.Op.RequestBody is not null, Curl(o.Method, o.Path, o.Op.RequestBody is not null)))];
        Schemas = [.. (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new Schema(s.Key, [.. (s.Value.Properties ?? new Dictionary<string, IOpenApiSchema>()).Select(p => (p.Key, TypeOf(p.Value)))]))];
    }

    private string Curl(string method, string path, bool hasBody) =>
        $"curl{(method == "GET" ? "" : $" -X {method}")} -H \"Authorization: Bearer $COMMUNITYHUB_TOKEN\"{(hasBody ? " -H \"Content-Type: application/json\" -d '{…}'" : "")} \"{Origin}{path}\"";

    private static string TypeOf(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference ? reference.Reference.Id ?? "object"
        : schema.Type is { } type ? type.ToString().ToLowerInvariant().Replace(", ", " or ", StringComparison.Ordinal)
        : "any";
}

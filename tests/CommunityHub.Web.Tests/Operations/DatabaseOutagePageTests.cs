using System.Net;
using System.Net.Sockets;
using CommunityHub.Web.Operations;
using CommunityHub.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommunityHub.Web.Tests.Operations;

/// <summary>The 503 page and which failures lead to it; the outage itself is played by
/// CommunityHub.Operations.Tests, which stops PostgreSQL under the running app.</summary>
public sealed class DatabaseOutagePageTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task The_503_page_is_friendly_valid_and_says_when_to_come_back()
    {
        using var response = await NewVisitor().GetAsync("/error/503");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseOutage.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("right back", (await ParseAsync(response)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var findings = await HtmlConformanceTests.CheckAsync(new Dictionary<string, string> { ["service-unavailable"] = html });
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    public static TheoryData<string, Exception, bool> Failures() => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { "server shutting down", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown), true },
        { "server starting up", new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow), true },
        { "retries exhausted", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new NpgsqlException("Exception while reading from stream", new IOException("EOF"))), true },
        { "a save that could not reach it", new DbUpdateException("An error occurred while saving.", new NpgsqlException("Exception while connecting", new SocketException((int)SocketError.ConnectionRefused))), true },
        { "several at once", new AggregateException(new InvalidOperationException("unrelated"), new NpgsqlException("Failed", new TimeoutException())), true },
        { "a duplicate", new DbUpdateException("An error occurred while saving.", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)), false },
        { "a bug", new InvalidOperationException("Sequence contains no elements"), false },
        { "a bad query", new PostgresException("syntax error", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Only_failures_to_reach_the_database_answer_503(string what, Exception exception, bool isOutage) =>
        Assert.True(DatabaseOutage.IsCause(exception) == isOutage, what);
}

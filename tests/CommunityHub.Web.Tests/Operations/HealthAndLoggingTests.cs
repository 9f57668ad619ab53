using System.Collections.Concurrent;
using System.Net;
using CommunityHub.Application.Common.Abstractions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CommunityHub.Web.Tests.Operations;

public sealed class HealthAndLoggingTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Liveness_and_readiness_answer_healthy_when_the_database_is_migrated()
    {
        using var client = NewVisitor();

        using var live = await client.GetAsync("/health");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_fails_while_a_migration_is_not_applied_and_liveness_does_not()
    {
        // Pretend the newest migration never ran: the schema is the same, only the history forgets it.
        var latest = await DbAsync(db => db.Database.SqlQueryRaw<string>(
            """SELECT migration_id AS "Value" FROM "__EFMigrationsHistory" ORDER BY migration_id DESC LIMIT 1""").SingleAsync());
        var productVersion = await DbAsync(db => db.Database.SqlQueryRaw<string>(
            """SELECT product_version AS "Value" FROM "__EFMigrationsHistory" WHERE migration_id = {0}""", latest).SingleAsync());
        await DbAsync(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE migration_id = {0}""", latest));
        try
        {
            using var client = NewVisitor();
            using var ready = await client.GetAsync("/health/ready");
            using var live = await client.GetAsync("/health");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            await DbAsync(db => db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "__EFMigrationsHistory" (migration_id, product_version) VALUES ({0}, {1})""", latest, productVersion));
        }
    }

    [Fact]
    public async Task A_sign_in_cookie_from_one_instance_is_accepted_by_another_because_the_keys_are_in_the_database()
    {
        using var first = NewVisitor();
        using (await NewMemberAsync("Kim Keys"))
        {
        }

        using var signIn = await SubmitFormAsync(first, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = EmailOf("Kim Keys"), ["Input.Password"] = Password });
        var cookies = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();

        Assert.True(await DbAsync(db => db.DataProtectionKeys.AnyAsync()), "The key ring is stored in data_protection_keys.");
        await using var second = new CommunityWebFactory(Fixture.ConnectionString, kestrel: false);
        using var other = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/notifications");
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        using var response = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kim Keys", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_events_of_a_request_carry_its_request_id_and_never_a_password_or_a_reset_code()
    {
        var sink = new CapturingSink();
        await using var app = Fixture.App.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink));
        });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        const string secret = "my very secret passphrase";
        const string wrong = "not the right passphrase";

        using (await SubmitFormAsync(client, "/account/register", new Dictionary<string, string>
               {
                   ["Input.DisplayName"] = "Lou Logged",
                   ["Input.Email"] = EmailOf("Lou Logged"),
                   ["Input.Password"] = secret,
               }))
        {
        }

        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (await SubmitFormAsync(anonymous, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = EmailOf("Lou Logged"), ["Input.Password"] = wrong }))
        {
        }

        string code;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IIdentityService>();
            code = (await identity.PasswordResetCodeAsync(EmailOf("Lou Logged"), CancellationToken.None))!.Value.Code;
        }

        var resetUrl = $"/account/reset-password?email={Uri.EscapeDataString(EmailOf("Lou Logged"))}&code={Uri.EscapeDataString(code)}";
        using (var reset = await SubmitFormAsync(anonymous, resetUrl, new Dictionary<string, string> { ["Input.Password"] = secret + " renewed" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        var events = sink.Events.ToList();
        var requests = events.Where(e => e.Properties.ContainsKey("RequestPath")).ToList();
        Assert.Contains(requests, e => e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal));
        Assert.Contains(events, e => e.MessageTemplate.Text.Contains("committed", StringComparison.Ordinal));
        // Everything the app logged while serving (use cases, the request line) names the request.
        Assert.All(events.Where(e => e.MessageTemplate.Text.Contains("committed", StringComparison.Ordinal) || e.Properties.ContainsKey("RequestPath")),
            e => Assert.True(e.Properties.ContainsKey("RequestId"), $"No RequestId on: {e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
        foreach (var e in events)
        {
            var written = e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " "
                + string.Join(" ", e.Properties.Select(p => p.Value.ToString())) + " " + e.Exception;
            Assert.DoesNotContain(secret, written, StringComparison.Ordinal);
            Assert.DoesNotContain(wrong, written, StringComparison.Ordinal);
            Assert.DoesNotContain(code, written, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(code), written, StringComparison.Ordinal);
        }
    }

    private sealed class CapturingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }
}

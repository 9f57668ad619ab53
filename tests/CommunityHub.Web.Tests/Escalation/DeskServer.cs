using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityHub.Web.Tests.Escalation;

/// <summary>A small support desk on 127.0.0.1 (Kestrel), started by a test: it answers as the generic format, Zendesk
/// or Salesforce would, by the path it is sent to, and records every request it got. It can be made slow or failing.</summary>
public sealed class DeskServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _nextCase = 122;

    private DeskServer(WebApplication app) => _app = app;

    /// <summary>What the desk got: path, headers and body, in order.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>How long the desk takes to answer.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, the desk answers every request with it (500: the desk is failing).</summary>
    public HttpStatusCode? FailWith { get; set; }

    public Uri Address { get; private set; } = null!;

    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    public static async Task<DeskServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var desk = new DeskServer(app);
        app.Run(desk.AnswerAsync);
        await app.StartAsync();
        desk.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/");
        return desk;
    }

    /// <summary>An address where nothing listens: a desk that is down.</summary>
    public static Uri Nowhere()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/cases");
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        Requests.Enqueue(new Received(context.Request.Path.Value ?? "/", context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (FailWith is { } status)
        {
            context.Response.StatusCode = (int)status;
            await context.Response.WriteAsync("The desk is having a bad day.");
            return;
        }

        var number = Interlocked.Increment(ref _nextCase);
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.ContentType = "application/json";
        var answer = context.Request.Path.Value switch
        {
            "/api/v2/tickets.json" => $$$"""{"ticket":{"id":{{{number}}},"status":"new","subject":"…"}}""",
            "/services/data/v60.0/sobjects/Case" => $$$"""{"id":"500Qy00000{{{number}}}","success":true,"errors":[]}""",
            _ => $$$"""{"caseId":"{{{number}}}","url":"{{{Address}}}cases/{{{number}}}"}""",
        };
        await context.Response.WriteAsync(answer);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;

namespace CommunityHub.Web.Tests.Live;

/// <summary>One Server-Sent Event as the browser's EventSource would see it (a comment line has Name ":").</summary>
public sealed record ServerEvent(string Name, string Data)
{
    public long Number(string property) => JsonDocument.Parse(Data).RootElement.GetProperty(property).GetInt64();
}

/// <summary>A live stream read the way a browser reads it: the response's body, line by line, as it arrives. A pump
/// reads in the background, so every wait here is bounded and a quiet stream is a finding, not a hang.</summary>
public sealed class LiveReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Channel<ServerEvent> _events = Channel.CreateUnbounded<ServerEvent>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private readonly List<ServerEvent> _seen = [];

    private LiveReader(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _pump = PumpAsync(body);
    }

    /// <summary>Everything read so far, in order (a test asserts on all of it: no post's words, no signal it must not have).</summary>
    public IReadOnlyList<ServerEvent> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    /// <summary>The stream's body ended (the server closed it).</summary>
    public bool Ended { get; private set; }

    public static async Task<LiveReader> OpenAsync(HttpClient client, string url)
    {
        var response = await OpenResponseAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new LiveReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The response to a stream request, whatever its status (the caller disposes it).</summary>
    public static async Task<HttpResponseMessage> OpenResponseAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
    }

    /// <summary>The next event named <paramref name="name"/> (others are kept in <see cref="Seen"/>), or null when none
    /// came within <paramref name="within"/>.</summary>
    public async Task<ServerEvent?> NextAsync(string name, TimeSpan within, Func<ServerEvent, bool>? where = null)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (await _events.Reader.WaitToReadAsync(timeout.Token))
            {
                while (_events.Reader.TryRead(out var next))
                {
                    if (next.Name == name && (where is null || where(next)))
                    {
                        return next;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }

        return null;
    }

    /// <summary>The next event named <paramref name="name"/>, which must come within 10 s.</summary>
    public async Task<ServerEvent> ExpectAsync(string name, Func<ServerEvent, bool>? where = null) =>
        await NextAsync(name, TimeSpan.FromSeconds(10), where) ?? throw new Xunit.Sdk.XunitException(
            $"No '{name}' event within 10 s; the stream said: {string.Join(" | ", Seen.Select(e => $"{e.Name} {e.Data}"))}");

    /// <summary>Waits until the server ends the stream, up to <paramref name="within"/>.</summary>
    public async Task<bool> EndsWithinAsync(TimeSpan within)
    {
        var finished = await Task.WhenAny(_pump, Task.Delay(within));
        return finished == _pump && Ended;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        try
        {
            await _pump.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
        }

        _stop.Dispose();
    }

    private async Task PumpAsync(Stream body)
    {
        try
        {
            using var reader = new StreamReader(body);
            var name = "message";
            var data = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Count > 0)
                    {
                        Publish(new ServerEvent(name, string.Join('\n', data)));
                    }

                    name = "message";
                    data.Clear();
                }
                else if (line.StartsWith(':'))
                {
                    Publish(new ServerEvent(":", line[1..].Trim()));
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Add(line["data:".Length..].Trim());
                }
            }

            Ended = true;
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
            // The test closed the stream.
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    private void Publish(ServerEvent serverEvent)
    {
        lock (_seen)
        {
            _seen.Add(serverEvent);
        }

        _events.Writer.TryWrite(serverEvent);
    }
}

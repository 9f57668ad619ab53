using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace CommunityHub.Testing;

/// <summary>A real HTTP receiver on 127.0.0.1 for webhook tests: it records every request and answers what
/// <c>answer</c> says for the n-th one (a status, after an optional delay). It checks signatures with its own few lines
/// of HMAC, as a receiver following the README would, not with the sender's code.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, (int Status, TimeSpan Delay)> _answer;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private int _count;

    private WebhookReceiver(Func<int, (int Status, TimeSpan Delay)> answer)
    {
        _answer = answer;
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/hooks/community");
        _listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _listener.Start();
        _ = Task.Run(ListenAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<Received> All => [.. _received];

    /// <summary>Answers 200 to everything.</summary>
    public static WebhookReceiver Start() => new(_ => (200, TimeSpan.Zero));

    /// <summary>Answers each request (numbered from 1) as <paramref name="answer"/> says.</summary>
    public static WebhookReceiver Start(Func<int, (int Status, TimeSpan Delay)> answer) => new(answer);

    /// <summary>Waits for the next request not yet taken.</summary>
    public async Task<Received> NextAsync(TimeSpan? within = null)
    {
        if (!await _arrived.WaitAsync(within ?? TimeSpan.FromSeconds(20)))
        {
            throw new TimeoutException("The receiver got no request in time.");
        }

        return _taken.TryDequeue(out var next) ? next : throw new InvalidOperationException("Signalled without a request.");
    }

    private readonly ConcurrentQueue<Received> _taken = new();

    private async Task ListenAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        var number = Interlocked.Increment(ref _count);
        var received = new Received(number, context.Request.HttpMethod, context.Request.ContentType, body, headers);
        _received.Enqueue(received);
        _taken.Enqueue(received);
        _arrived.Release();
        var (status, delay) = _answer(number);
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _stopping.Token);
            }

            context.Response.StatusCode = status;
            context.Response.Close();
        }
        catch (Exception exception) when (exception is OperationCanceledException or HttpListenerException or ObjectDisposedException)
        {
            // The sender gave up (a timeout) or the test ended.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
        _stopping.Dispose();
        _arrived.Dispose();
    }

    /// <summary>One request as it arrived.</summary>
    public sealed record Received(int Number, string Method, string? ContentType, string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        /// <summary>The receiver's check, as the README shows it: <c>t=…,v1=…</c>; HMAC-SHA256 of "t.body" with the
        /// secret, compared in constant time; a timestamp within five minutes of <paramref name="now"/>.</summary>
        public bool SignatureVerifies(string secret, DateTimeOffset now)
        {
            var header = Header("CommunityHub-Signature");
            if (header is null)
            {
                return false;
            }

            var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty);
            if (!long.TryParse(parts.GetValueOrDefault("t"), NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                || Math.Abs(now.ToUnixTimeSeconds() - t) > 300)
            {
                return false;
            }

            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{Body}"));
            var given = parts.GetValueOrDefault("v1") ?? string.Empty;
            return given.Length == expected.Length * 2
                && CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(given));
        }
    }
}

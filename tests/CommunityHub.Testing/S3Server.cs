using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommunityHub.Testing;

/// <summary>A real S3-compatible server (s3rver, from npm, which ./test.sh installs into .tools/s3rver) started by the
/// tests on 127.0.0.1, with its data in a temporary folder. It can be stopped and started again on the same port and
/// data, to test a store that is away.</summary>
public sealed class S3Server : IAsyncDisposable
{
    /// <summary>s3rver's fixed credentials.</summary>
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("communityhub-s3-");
    private Process? _process;

    private S3Server(int port) => Port = port;

    public int Port { get; }

    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The attachment settings that point the app at this server (bucket created on first use).</summary>
    public IReadOnlyDictionary<string, string?> Settings(string bucket = "attachments") => new Dictionary<string, string?>
    {
        ["Attachments:Storage"] = "S3",
        ["Attachments:S3:ServiceUrl"] = ServiceUrl,
        ["Attachments:S3:Bucket"] = bucket,
        ["Attachments:S3:AccessKey"] = AccessKey,
        ["Attachments:S3:SecretKey"] = SecretKey,
        ["Attachments:S3:ForcePathStyle"] = "true",
    };

    public static async Task<S3Server> StartAsync()
    {
        var server = new S3Server(FreePort());
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        var script = Path.Combine(RepositoryRoot(), ".tools", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"s3rver is not installed at {script}: run ./test.sh once (it installs it), or `source scripts/prerequisites.sh; ensure_s3_server`.");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, "--directory", _data.FullName, "--address", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with code {_process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("s3rver did not open its port within 30 s.");
    }

    /// <summary>Stops the server (its data stays): the store is away.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-folder cleaning.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommunityHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (CommunityHub.sln) was not found.");
    }
}

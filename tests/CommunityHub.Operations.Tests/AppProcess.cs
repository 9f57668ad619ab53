using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommunityHub.Operations.Tests;

/// <summary>One instance of the built app (<c>dotnet CommunityHub.Web.dll</c>) as a child process on
/// 127.0.0.1: started with its settings as environment variables, killed (SIGKILL), stopped (SIGTERM), restarted
/// on the same port. Each instance has a home folder of its own, as another machine or container would, so
/// nothing reaches it through the file system (data-protection keys fall back there). Disposing kills it.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    /// <summary>Every child of the test run, killed when the test process exits whatever happened.</summary>
    private static readonly ConcurrentDictionary<AppProcess, bool> Running = new();

    private readonly Dictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    static AppProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var app in Running.Keys)
        {
            app.KillNow();
        }
    };

    private AppProcess(string name, string connectionString, IDictionary<string, string>? settings)
    {
        Name = name;
        Port = FreePort();
        Home = Directory.CreateTempSubdirectory($"communityhub-{name}-").FullName;
        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings__Community"] = connectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["HOME"] = Home,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Email__PickupDirectory"] = Path.Combine(Home, "mail"),
            ["Digest__Enabled"] = "false",
            ["Seed__Demo"] = "false",
            // Other parts of the issue; these tests are not about them.
            ["RateLimits__Enabled"] = "false",
            ["Identity__RequireConfirmedEmail"] = "false",
            ["Registration__MinimumFillSeconds"] = "0",
            // Short-lived instances on a machine the whole test run shares: the workstation collector, and no profiling
            // tier of dynamic PGO (as the test hosts, tests/Directory.Build.props). Server GC's threads spin while they
            // wait, and PGO's profiling earns nothing back in a process that lives a minute. Neither changes behaviour.
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_TieredPGO"] = "0",
        };
        // Nothing a test member writes waits for approval (the trust tests are in the application and web tests).
        foreach (var (key, value) in CommunityHub.Testing.TrustSettings.Relaxed)
        {
            _environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? string.Empty;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }
    }

    public string Name { get; }

    public int Port { get; }

    public string Home { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public int? ProcessId => _process?.Id;

    public bool HasExited => _process is null || _process.HasExited;

    public int ExitCode => _process?.ExitCode ?? throw new InvalidOperationException("Not started.");

    /// <summary>The last lines the app wrote, for failure messages.</summary>
    public string Output => string.Join('\n', _output.TakeLast(60));

    /// <summary>The lines the app wrote (the last 2,000) that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<string> PrintedLines(string text) => [.. _output.Where(line => line.Contains(text, StringComparison.Ordinal))];

    /// <summary>Starts an instance and waits until <c>/health</c> answers.</summary>
    public static async Task<AppProcess> StartAsync(string name, string connectionString, IDictionary<string, string>? settings = null)
    {
        var app = new AppProcess(name, connectionString, settings);
        await app.StartAsync();
        return app;
    }

    /// <summary>An instance's settings without starting it, for maintenance commands (<see cref="RunCommandAsync"/>).</summary>
    public static AppProcess NotStarted(string name, string connectionString, IDictionary<string, string>? settings = null) =>
        new(name, connectionString, settings);

    /// <summary>Starts (again, after a kill or a stop) on the same port with the same settings and home.</summary>
    public async Task StartAsync()
    {
        if (!HasExited)
        {
            throw new InvalidOperationException($"{Name} is running already.");
        }

        _process?.Dispose();
        _process = Launch(["--urls", Address.ToString().TrimEnd('/')]);
        Running[this] = true;
        // Generous: an instance started beside another waits for its migrations and seed, on cores the other test
        // projects share.
        await WaitUntilLiveAsync(TimeSpan.FromSeconds(180));
    }

    /// <summary>Runs a maintenance command (<c>CommunityHub.Web.dll &lt;command&gt;</c>) with this instance's settings
    /// and returns its exit code and what it printed.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] arguments)
    {
        var lines = new ConcurrentQueue<string>();
        using var process = Launch(arguments, lines);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', arguments)} did not finish in 2 minutes:\n{string.Join('\n', lines)}");
        }

        process.WaitForExit(); // Lets the output handlers drain.
        return (process.ExitCode, string.Join('\n', lines));
    }

    /// <summary><c>kill -9</c>: no shutdown, no flushing, connections cut.</summary>
    public async Task KillAsync()
    {
        KillNow();
        if (_process is not null)
        {
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, as an orchestrator or Ctrl-C stops the app: the host shuts down gracefully.</summary>
    public async Task TerminateAsync()
    {
        if (HasExited)
        {
            return;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end by itself; false if it did not within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process!.WaitForExitAsync(cancel.Token);
            _process.WaitForExit();
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A client of this instance that keeps cookies and does not follow redirects.</summary>
    public Visitor NewVisitor(CookieContainer? cookies = null) => new(Address, cookies ?? new CookieContainer());

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Running.TryRemove(this, out _);
        _process?.Dispose();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A file still being written by a dying process: the temp folder is cleaned by the system.
        }
    }

    private void KillNow()
    {
        try
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private Process Launch(IReadOnlyList<string> arguments, ConcurrentQueue<string>? lines = null)
    {
        var web = WebProject.Directory;
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root (appsettings.json, wwwroot) is the working directory.
            WorkingDirectory = web,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(WebProject.Assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var sink = lines ?? _output;
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            sink.Enqueue(line);
            while (sink.Count > 2000 && sink.TryDequeue(out _))
            {
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilLiveAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process!.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} did not answer /health within {timeout.TotalSeconds} s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Where the built web app is: the solution's <c>src/CommunityHub.Web</c> (its content root) and the
/// assembly built in the same configuration as these tests (this project builds it first).</summary>
public static class WebProject
{
    private static readonly Lazy<(string Directory, string Assembly)> Found = new(() =>
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CommunityHub.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No CommunityHub.sln above {AppContext.BaseDirectory}.");
        }

        // .../tests/CommunityHub.Operations.Tests/bin/<Configuration>/<framework>/
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var web = Path.Combine(root.FullName, "src", "CommunityHub.Web");
        var assembly = Path.Combine(web, "bin", configuration, framework.Name, "CommunityHub.Web.dll");
        return File.Exists(assembly)
            ? (web, assembly)
            : throw new InvalidOperationException($"{assembly} is missing: build the solution first (dotnet build CommunityHub.sln -c {configuration}).");
    });

    public static string Directory => Found.Value.Directory;

    public static string Assembly => Found.Value.Assembly;
}

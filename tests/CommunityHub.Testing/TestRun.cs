using System.Collections.Concurrent;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CommunityHub.Testing;

/// <summary>What a test assembly shares for its whole run (the PostgreSQL server, lanes of databases and apps, the
/// browser) is put away when the run ends, newest first. xunit 2 has no assembly fixture, and the test host may be
/// killed right after the last test (so a process-exit handler may never finish): <see cref="TestRunFramework"/>
/// runs these before it reports the assembly finished.</summary>
public static class TestRun
{
    private static readonly ConcurrentStack<Func<Task>> Endings = new();

    /// <summary>Runs <paramref name="ending"/> when the run ends (or, in an assembly without
    /// <see cref="TestRunFramework"/>, when the process exits).</summary>
    public static void OnEnd(Func<Task> ending)
    {
        if (Endings.IsEmpty)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => EndAsync().Wait(TimeSpan.FromSeconds(30));
        }

        Endings.Push(ending);
    }

    internal static async Task EndAsync()
    {
        while (Endings.TryPop(out var ending))
        {
            try
            {
                await ending();
            }
#pragma warning disable CA1031 // Tidying up must not hide the test results; it says what it could not do.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                await Console.Error.WriteLineAsync($"Ending the test run: {exception}");
            }
        }
    }
}

/// <summary>xunit's own framework, which ends the run's shared fixtures (<see cref="TestRun"/>) after the last test.
/// A test assembly opts in with <c>[assembly: TestFramework(TestRunFramework.TypeName, TestRunFramework.AssemblyName)]</c>.</summary>
public sealed class TestRunFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string TypeName = "CommunityHub.Testing.TestRunFramework";

    public const string AssemblyName = "CommunityHub.Testing";

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class Runner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            await TestRun.EndAsync();
            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}

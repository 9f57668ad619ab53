using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityHub.Application.Tests.Performance;

/// <summary>Counts the LINQ queries EF Core compiles (a miss in its query cache) inside <see cref="Watch"/>'s scope
/// only: other test classes run in parallel in this process.</summary>
public sealed class QueryCompilations : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<QueryCompilations?> Current = new();
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly List<string> _compiled = [];

    private QueryCompilations() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>The queries compiled so far, as EF printed them.</summary>
    public IReadOnlyList<string> Compiled
    {
        get
        {
            lock (_compiled)
            {
                return [.. _compiled];
            }
        }
    }

    public static QueryCompilations Watch()
    {
        var watch = new QueryCompilations();
        Current.Value = watch;
        return watch;
    }

    public void Dispose()
    {
        Current.Value = null;
        _subscription.Dispose();
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this, name => name == CoreEventId.QueryCompilationStarting.Name));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (Current.Value == this && value.Value is QueryExpressionEventData data)
        {
            lock (_compiled)
            {
                _compiled.Add(data.Expression.ToString());
            }
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}

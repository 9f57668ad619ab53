using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityHub.Web.Tests;

/// <summary>Counts the SQL statements EF Core sends, for statement budgets ("this page issues at most N").</summary>
public sealed class SqlStatementCounter : DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _statements = new();
    private int _count;

    /// <summary>Which statements count: set by the factory to "those of a web request", so that background work
    /// (the e-mail sender polling its queue) never lands in a page's budget.</summary>
    public Func<bool> Counts { get; set; } = () => true;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The statements counted since the last reset, for a budget's failure message.</summary>
    public string Listing => string.Join("\n---\n", _statements);

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _statements.Clear();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CountOne(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        CountOne(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CountOne(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        CountOne(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    private void CountOne(DbCommand command)
    {
        if (Counts())
        {
            Interlocked.Increment(ref _count);
            _statements.Enqueue(command.CommandText);
        }
    }
}

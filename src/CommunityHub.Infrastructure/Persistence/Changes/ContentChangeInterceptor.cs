using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CommunityHub.Domain.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CommunityHub.Infrastructure.Persistence.Changes;

/// <summary>Sees every write the app makes through EF — tracked changes saved and statements of its own
/// (<c>ExecuteUpdate</c>, raw SQL) — and, once it has committed, tells <see cref="ContentChanges"/> what it changed of what
/// visitors read. Inside a transaction the other instances are told by <c>pg_notify</c> in that same transaction (so they
/// hear of it exactly when, and only if, it commits); a write outside one tells them in a statement right after it.</summary>
/// <remarks>Nothing is named here that a visitor could read: the tables below hold what only members, staff or the app
/// itself read. Every other table, including any added later, counts as read by visitors; a write to one that is
/// not tied to a thread (a member's name, a space, a tag) changes "everything", which is only ever slower, never stale.</remarks>
public sealed partial class ContentChangeInterceptor(ContentChanges changes) : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<string> TablesVisitorsNeverRead = new(StringComparer.Ordinal)
    {
        "account_events", "api_tokens", "attachment_blobs", "data_protection_keys", "digest_subscriptions", "drafts", "email_outbox", "feed_keys",
        "flags", "former_handles", "group_members", "help_asks", "ignored_members", "invites", "moderation_log", "notification_preferences",
        "notifications", "post_mentions", "post_revisions", "rate_limit_windows", "role_claims", "roles",
        "sign_in_sessions", "space_watches", "tag_watches", "thread_read_marks", "thread_watches", "tie_model_fits",
        "tie_preferences", "tie_ratings", "tie_structure_queue", "ties", "user_claims", "user_logins", "user_roles",
        "user_tokens", "users",
        // Integrations (issue 17): tokens, the webhook outbox and its log, the desk and its cases are read by admins,
        // staff and the app's own senders, never on a visitor's page. Left out, every claim a sender makes and every
        // token's last use would count as "everything changed" and keep no visitor page at all.
        "support_desks", "thread_escalations", "webhook_deliveries", "webhook_endpoints", "webhook_events",
    };

    /// <summary>A space's counters and last activity, moved by a statement of their own after each post: its lists change
    /// (every change reaches the lists) and nothing else.</summary>
    private const string SpaceCountersTable = "spaces";

    /// <summary>The app's statements are parameterised, so their texts are few; the bound only guards against surprises.</summary>
    private const int MostStatementsRemembered = 5000;

    private static readonly ConcurrentDictionary<string, ContentChange?> StatementsSeen = new(StringComparer.Ordinal);

    private readonly ConditionalWeakTable<DbContext, Saving> _saving = [];
    private readonly ConditionalWeakTable<DbTransaction, Pending> _pending = [];

    // ---- Tracked changes ----

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Saved(eventData) is { } committed)
        {
            NotifyOthers(eventData.Context!, committed);
            changes.Publish(committed);
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Saved(eventData) is { } committed)
        {
            await NotifyOthersAsync(eventData.Context!, committed, cancellationToken);
            changes.Publish(committed);
        }

        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContextEventData eventData)
    {
        if (eventData.Context is not { } context)
        {
            return;
        }

        ContentChange? change = null;
        var threads = new HashSet<long>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Metadata.GetTableName() is not { } table
                || TablesVisitorsNeverRead.Contains(table))
            {
                continue;
            }

            if (entry.Entity is DiscussionThread thread)
            {
                threads.Add(thread.Id);
            }
            else if (entry.Metadata.FindProperty("ThreadId") is { } threadId)
            {
                // Both ends of a move (a post or thread taken to another thread or space).
                var property = entry.Property(threadId.Name);
                foreach (var value in new[] { property.CurrentValue, property.OriginalValue })
                {
                    if (value is long id)
                    {
                        threads.Add(id);
                    }
                }
            }
            else
            {
                change = ContentChange.All;
                break;
            }
        }

        change ??= threads.Count > 0 ? ContentChange.OfThreads(threads) : null;
        _saving.AddOrUpdate(context, new Saving(change));
    }

    /// <summary>What the save changed, when it has committed already (no transaction around it); inside a transaction
    /// it waits for the commit.</summary>
    private ContentChange? Saved(DbContextEventData eventData)
    {
        if (eventData.Context is not { } context || !_saving.TryGetValue(context, out var saving))
        {
            return null;
        }

        _saving.Remove(context);
        if (saving.Change is null)
        {
            return null;
        }

        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            Remember(transaction, saving.Change);
            return null;
        }

        return saving.Change;
    }

    private void Forget(DbContextEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _saving.Remove(context);
        }
    }

    // ---- Statements of the app's own ----

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (Written(command, eventData) is { } committed)
        {
            NotifyOthers(eventData.Context!, committed);
            changes.Publish(committed);
        }

        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Written(command, eventData) is { } committed)
        {
            await NotifyOthersAsync(eventData.Context!, committed, cancellationToken);
            changes.Publish(committed);
        }

        return result;
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        // A statement that writes and reads back (INSERT ... RETURNING through SqlQuery) outside a transaction has
        // committed, but its rows are still to be read on its connection: the others are told on a connection of
        // their own. (The app's statements of this kind write only tables visitors never read; this is the safety net.)
        if (Written(command, eventData) is { } committed)
        {
            using var connection = new NpgsqlConnection(eventData.Context!.Database.GetConnectionString());
            connection.Open();
            using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            notify.Parameters.AddWithValue("channel", ContentChanges.Channel);
            notify.Parameters.AddWithValue("payload", changes.Announcement(committed));
            notify.ExecuteNonQuery();
            changes.Publish(committed);
        }

        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuted(command, eventData, result));

    /// <summary>What a statement of the app's own (not one of a save, which <see cref="Collect"/> saw) changed, when it
    /// has committed already; inside a transaction it waits for the commit.</summary>
    private ContentChange? Written(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is not { } context || _saving.TryGetValue(context, out _)
            || Seen(command.CommandText) is not { } change)
        {
            return null;
        }

        if (command.Transaction is { } transaction)
        {
            Remember(transaction, change);
            return null;
        }

        return change;
    }

    private static ContentChange? Seen(string statement) =>
        StatementsSeen.Count < MostStatementsRemembered ? StatementsSeen.GetOrAdd(statement, WhatStatementChanges) : WhatStatementChanges(statement);

    /// <summary>The tables a statement writes (UPDATE, DELETE FROM, INSERT INTO, MERGE INTO, TRUNCATE; not
    /// SELECT ... FOR UPDATE, not ON CONFLICT ... DO UPDATE), and what that changes of what visitors read.</summary>
    internal static ContentChange? WhatStatementChanges(string statement)
    {
        ContentChange? change = null;
        foreach (Match written in WrittenTable().Matches(statement))
        {
            var table = written.Groups["table"].Value.ToLowerInvariant();
            if (TablesVisitorsNeverRead.Contains(table))
            {
                continue;
            }

            // A statement cannot say which threads it touched: a thread's or post's row written this way changes
            // everything; a space's counters change its lists only, which every change reaches.
            change = table == SpaceCountersTable && change is null ? ContentChange.OfThreads([]) : ContentChange.All;
            if (change.Everything)
            {
                break;
            }
        }

        return change;
    }

    [GeneratedRegex("""(?:(?<!\b(?:FOR|DO|NO\s+KEY)\s+)\bUPDATE(?!\s+SET\b)|\bDELETE\s+FROM|\bINSERT\s+INTO|\bMERGE\s+INTO|\bTRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?"?(?<table>[A-Za-z_][A-Za-z0-9_]*)"?""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrittenTable();

    // ---- Transactions ----

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (_pending.TryGetValue(transaction, out var pending) && eventData.Context is { } context)
        {
            NotifyOthers(context, pending.Change);
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (_pending.TryGetValue(transaction, out var pending) && eventData.Context is { } context)
        {
            await NotifyOthersAsync(context, pending.Change, cancellationToken);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _pending.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => _pending.Remove(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Remove(transaction);
        return Task.CompletedTask;
    }

    private void Remember(DbTransaction transaction, ContentChange change)
    {
        var pending = _pending.GetValue(transaction, static _ => new Pending());
        pending.Change = pending.Change.With(change);
    }

    private void Committed(DbTransaction transaction)
    {
        if (_pending.TryGetValue(transaction, out var pending))
        {
            _pending.Remove(transaction);
            changes.Publish(pending.Change);
        }
    }

    // ---- Telling the other instances ----

    private void NotifyOthers(DbContext context, ContentChange change) =>
        context.Database.ExecuteSql($"SELECT pg_notify({ContentChanges.Channel}, {changes.Announcement(change)})");

    private async Task NotifyOthersAsync(DbContext context, ContentChange change, CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlAsync($"SELECT pg_notify({ContentChanges.Channel}, {changes.Announcement(change)})", cancellationToken);

    private sealed record Saving(ContentChange? Change);

    private sealed class Pending
    {
        public ContentChange Change { get; set; } = ContentChange.OfThreads([]);
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using CommunityHub.Application.Attachments;
using CommunityHub.Application.Common.Persistence;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Infrastructure.Attachments;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CommunityHub.Infrastructure.Archive;

/// <summary>Reads an archive (<see cref="ArchiveFormat"/>) into an empty, migrated database: line by line, each
/// record type through one binary COPY, all in one transaction, so a refused archive leaves nothing behind.
/// Attachments' copies go to <paramref name="files"/>: COPY into the database's table when files are kept there (the
/// default, and when no store is given), one upload each to a bucket otherwise (a refused archive may then leave
/// copies in the bucket that nothing refers to; their keys are random and nothing serves them).</summary>
public sealed class CommunityImporter(CommunityDbContext db, IAttachmentStore? files = null)
{
    /// <summary>Imports the archive; returns how many records of each type it held. Throws
    /// <see cref="ArchiveException"/> (with the line number where there is one) and writes nothing when the
    /// archive is malformed, of another version, or the database is not empty.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ImportAsync(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await RequireEmptyAsync(connection, cancellationToken);
            var roles = await ReadRolesAsync(connection, cancellationToken);

            using var reader = new StreamReader(input, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
            long lineNumber = 1;
            ReadHeader(await ReadLineAsync(reader, lineNumber, cancellationToken), lineNumber);

            // Spaces point at their latest thread and threads at their answers, which come later: the foreign
            // keys are set aside while loading (as PostgreSQL's bulk-loading advice goes) and checked, all of them,
            // when they are put back before the commit.
            var foreignKeys = await DropForeignKeysAsync(connection, cancellationToken);

            var rank = -1;
            ArchiveRecordType? current = null;
            NpgsqlBinaryImporter? copy = null;
            long firstLineOfType = 0;
            try
            {
                string? line;
                while ((line = await ReadLineAsync(reader, ++lineNumber, cancellationToken)) is not null)
                {
                    if (line.Length == 0)
                    {
                        throw Malformed(lineNumber, "an empty line; every line after the header is one record");
                    }

                    using var document = Parse(line, lineNumber);
                    var record = document.RootElement;
                    var typeName = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                        ? t.GetString()!
                        : throw Malformed(lineNumber, "a record needs a \"type\"");
                    if (current?.Name != typeName)
                    {
                        var next = IndexOf(typeName);
                        if (next < 0)
                        {
                            throw Malformed(lineNumber, $"unknown record type \"{typeName}\"");
                        }

                        if (next < rank)
                        {
                            throw Malformed(lineNumber, $"a \"{typeName}\" record after the \"{current!.Name}\" records; the types come in the documented order");
                        }

                        await CompleteAsync(copy, current, firstLineOfType, lineNumber - 1, cancellationToken);
                        copy = null;
                        rank = next;
                        current = ArchiveFormat.RecordTypes[next];
                        if (!ToBucket(current))
                        {
                            copy = await connection.BeginBinaryImportAsync(CopySql(current), cancellationToken);
                        }
                        firstLineOfType = lineNumber;
                        counts[current.Name] = 0;
                    }

                    if (ToBucket(current))
                    {
                        await StoreFileAsync(current, record, roles, lineNumber, cancellationToken);
                    }
                    else
                    {
                        await WriteRowAsync(copy!, current, record, roles, lineNumber, cancellationToken);
                    }

                    counts[current.Name]++;
                }

                await CompleteAsync(copy, current, firstLineOfType, lineNumber - 1, cancellationToken);
                copy = null;
            }
            finally
            {
                if (copy is not null)
                {
                    await copy.DisposeAsync();
                }
            }

            await RestoreForeignKeysAsync(connection, foreignKeys, cancellationToken);
            await ContinueIdentitiesAsync(connection, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return counts;
    }

    private bool ToBucket(ArchiveRecordType type) =>
        type.Name == ArchiveFormat.AttachmentFileType && files is not (null or DatabaseAttachmentStore);

    /// <summary>One attachment copy into a bucket, uploaded at once (a million files never wait in memory).</summary>
    private async Task StoreFileAsync(ArchiveRecordType type, JsonElement record, Dictionary<string, Guid> roles, long lineNumber, CancellationToken cancellationToken)
    {
        RefuseUnknownFields(type, record, lineNumber);
        var values = new object[type.Columns.Count];
        for (var i = 0; i < type.Columns.Count; i++)
        {
            var column = type.Columns[i];
            values[i] = record.TryGetProperty(column.Field, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                ? Read(value, column, roles, type, lineNumber)
                : throw Malformed(lineNumber, $"a {type.Name} needs \"{column.Field}\"");
        }

        files!.Put((string)values[0], (byte[])values[1], "application/octet-stream");
        if (files is IUnitOfWorkParticipant upload)
        {
            await upload.CompleteAsync(cancellationToken);
        }
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, long lineNumber, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            throw Malformed(lineNumber, "the text is not UTF-8");
        }
    }

    private static void ReadHeader(string? line, long lineNumber)
    {
        if (line is null)
        {
            throw Malformed(lineNumber, "the archive is empty");
        }

        using var document = Parse(line, lineNumber);
        var header = document.RootElement;
        if (header.ValueKind != JsonValueKind.Object
            || !header.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
            || format.GetString() != ArchiveFormat.Name)
        {
            throw Malformed(lineNumber, $"not a CommunityHub archive (the first line must say \"format\":\"{ArchiveFormat.Name}\")");
        }

        if (!header.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
            || !version.TryGetInt32(out var number) || !ArchiveFormat.ReadableVersions.Contains(number))
        {
            throw Malformed(lineNumber, $"archive version {(header.TryGetProperty("version", out var v) ? v.GetRawText() : "(none)")}; this version of CommunityHub reads versions {string.Join(" and ", ArchiveFormat.ReadableVersions)}");
        }
    }

    private static JsonDocument Parse(string line, long lineNumber)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw Malformed(lineNumber, $"not JSON ({e.Message})");
        }
    }

    private static int IndexOf(string typeName)
    {
        for (var i = 0; i < ArchiveFormat.RecordTypes.Count; i++)
        {
            if (ArchiveFormat.RecordTypes[i].Name == typeName)
            {
                return i;
            }
        }

        return -1;
    }

    private static string CopySql(ArchiveRecordType type)
    {
        var columns = type.ColumnList;
        if (type.Table == "users")
        {
            columns = string.Join(", ", [columns, "normalized_user_name", "normalized_email", .. AccountDefaults.Select(d => d.Column)]);
        }

        return $"COPY {type.Table} ({columns}) FROM STDIN (FORMAT BINARY)";
    }

    /// <summary>The account columns the archive leaves out: no password (the member sets one through
    /// "forgot password"), a fresh security stamp, the lockout Identity gives every new account.</summary>
    private static readonly (string Column, NpgsqlDbType Type, Func<object?> Value)[] AccountDefaults =
    [
        ("security_stamp", NpgsqlDbType.Text, () => Convert.ToHexString(Guid.NewGuid().ToByteArray())),
        ("concurrency_stamp", NpgsqlDbType.Text, () => Guid.NewGuid().ToString()),
        ("phone_number_confirmed", NpgsqlDbType.Boolean, () => false),
        ("two_factor_enabled", NpgsqlDbType.Boolean, () => false),
        ("lockout_enabled", NpgsqlDbType.Boolean, () => true),
        ("access_failed_count", NpgsqlDbType.Integer, () => 0),
    ];

    private static async Task WriteRowAsync(
        NpgsqlBinaryImporter copy, ArchiveRecordType type, JsonElement record, Dictionary<string, Guid> roles, long lineNumber, CancellationToken cancellationToken)
    {
        RefuseUnknownFields(type, record, lineNumber);
        await copy.StartRowAsync(cancellationToken);
        foreach (var column in type.Columns)
        {
            var value = record.TryGetProperty(column.Field, out var field) ? field : default;
            if (value.ValueKind is JsonValueKind.Undefined && column.WhenMissing is { } missing)
            {
                await copy.WriteAsync(missing, column.DbType, cancellationToken);
                continue;
            }

            if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                if (!column.Nullable)
                {
                    throw Malformed(lineNumber, $"a {type.Name} needs \"{column.Field}\"");
                }

                await copy.WriteNullAsync(cancellationToken);
                continue;
            }

            await copy.WriteAsync(Read(value, column, roles, type, lineNumber), column.DbType, cancellationToken);
        }

        if (type.Table == "users")
        {
            var email = record.GetProperty("email").GetString()!;
            var userName = record.GetProperty("userName").GetString()!;
            // Identity's UpperInvariantLookupNormalizer: how sign-in and "forgot password" find the account.
            await copy.WriteAsync(userName.Normalize().ToUpperInvariant(), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(email.Normalize().ToUpperInvariant(), NpgsqlDbType.Text, cancellationToken);
            foreach (var (_, dbType, make) in AccountDefaults)
            {
                await copy.WriteAsync(make(), dbType, cancellationToken);
            }
        }
    }

    private static void RefuseUnknownFields(ArchiveRecordType type, JsonElement record, long lineNumber)
    {
        foreach (var property in record.EnumerateObject())
        {
            if (property.Name != "type" && !type.Columns.Any(c => c.Field == property.Name))
            {
                throw Malformed(lineNumber, $"a {type.Name} has no field \"{property.Name}\"");
            }
        }
    }

    private static object Read(JsonElement value, ArchiveColumn column, Dictionary<string, Guid> roles, ArchiveRecordType type, long lineNumber)
    {
        var expected = column.Value switch
        {
            ArchiveValue.Int32 or ArchiveValue.Int64 or ArchiveValue.Double => JsonValueKind.Number,
            ArchiveValue.Boolean => value.ValueKind == JsonValueKind.False ? JsonValueKind.False : JsonValueKind.True,
            _ => JsonValueKind.String,
        };
        if (value.ValueKind != expected)
        {
            throw Malformed(lineNumber, $"the {type.Name}'s \"{column.Field}\" is {value.ValueKind.ToString().ToLowerInvariant()}, not {Describe(column.Value)}");
        }

        object? result = column.Value switch
        {
            ArchiveValue.Uuid => Guid.TryParseExact(value.GetString(), "D", out var g) ? g : null,
            ArchiveValue.Text => value.GetString(),
            ArchiveValue.Int32 => value.TryGetInt32(out var i) ? i : null,
            ArchiveValue.Int64 => value.TryGetInt64(out var l) ? l : null,
            ArchiveValue.Double => value.TryGetDouble(out var d) && double.IsFinite(d) ? d : null,
            ArchiveValue.Boolean => value.GetBoolean(),
            ArchiveValue.Timestamp => DateTimeOffset.TryParseExact(
                value.GetString(), "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime : null,
            ArchiveValue.ReciprocityKind => Enum.TryParse<ReciprocityKind>(value.GetString(), ignoreCase: false, out var kind)
                && Enum.IsDefined(kind) && !int.TryParse(value.GetString(), CultureInfo.InvariantCulture, out _) ? (short)kind : null,
            ArchiveValue.RoleName => roles.TryGetValue(value.GetString()!, out var role) ? role : null,
            ArchiveValue.Bytes => value.TryGetBytesFromBase64(out var bytes) ? bytes : null,
            ArchiveValue.Json => IsJson(value.GetString()!) ? value.GetString() : null,
            _ => null,
        };
        return result ?? throw Malformed(lineNumber, $"the {type.Name}'s \"{column.Field}\" is not {Describe(column.Value)}: {value.GetRawText()}");
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Describe(ArchiveValue value) => value switch
    {
        ArchiveValue.Uuid => "a UUID",
        ArchiveValue.Text => "a string",
        ArchiveValue.Int32 => "a 32-bit integer",
        ArchiveValue.Int64 => "a 64-bit integer",
        ArchiveValue.Double => "a finite number",
        ArchiveValue.Boolean => "true or false",
        ArchiveValue.Timestamp => "a timestamp in the round-trip format (2026-11-23T09:00:00.0000000Z)",
        ArchiveValue.ReciprocityKind => "one of Helped, Thanks, Reaction, AcceptedAnswer",
        ArchiveValue.RoleName => "a role of this community (Member, Staff, Executive, Moderator, Admin)",
        ArchiveValue.Bytes => "base64",
        ArchiveValue.Json => "a string holding JSON",
        _ => value.ToString(),
    };

    private static async Task CompleteAsync(NpgsqlBinaryImporter? copy, ArchiveRecordType? type, long firstLine, long lastLine, CancellationToken cancellationToken)
    {
        if (copy is null || type is null)
        {
            return;
        }

        try
        {
            await copy.CompleteAsync(cancellationToken);
        }
        catch (PostgresException e)
        {
            // The server checks a whole COPY at once, so it can point at the record type but not the line.
            throw new ArchiveException($"The {type.Name} records (lines {firstLine}–{lastLine}) were refused by the database: {e.MessageText}{Detail(e)}", e);
        }
        finally
        {
            await copy.DisposeAsync();
        }
    }

    private static string Detail(PostgresException e) => e.Detail is { Length: > 0 } detail ? $" ({detail})" : string.Empty;

    private static ArchiveException Malformed(long lineNumber, string what) => new($"Line {lineNumber}: {what}. Nothing was imported.");

    private static async Task RequireEmptyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var tables = ArchiveFormat.RecordTypes.Select(t => t.Table).Distinct(StringComparer.Ordinal);
        var sql = "SELECT " + string.Join(" OR ", tables.Select(t => $"EXISTS (SELECT 1 FROM {t})"));
        await using var command = new NpgsqlCommand(sql, connection);
        if (await command.ExecuteScalarAsync(cancellationToken) is true)
        {
            throw new ArchiveException(
                "The database is not empty: an archive is imported only into a freshly migrated database with no members, spaces or posts. Nothing was imported.");
        }
    }

    private static async Task<Dictionary<string, Guid>> ReadRolesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var roles = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT name, id FROM roles WHERE name IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            roles[reader.GetString(0)] = reader.GetGuid(1);
        }

        return roles;
    }

    private static async Task<List<(string Table, string Name, string Definition)>> DropForeignKeysAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var foreignKeys = new List<(string Table, string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.conrelid = ANY (@tables::regclass[])
            ORDER BY 1, 2
            """, connection))
        {
            command.Parameters.AddWithValue("tables", ArchiveFormat.RecordTypes.Select(t => t.Table).Distinct(StringComparer.Ordinal).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (table, name, _) in foreignKeys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"", cancellationToken);
        }

        return foreignKeys;
    }

    private static async Task RestoreForeignKeysAsync(NpgsqlConnection connection, List<(string Table, string Name, string Definition)> foreignKeys, CancellationToken cancellationToken)
    {
        foreach (var (table, name, definition) in foreignKeys)
        {
            try
            {
                await ExecuteAsync(connection, $"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition}", cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                throw new ArchiveException($"The archive refers to a record it does not hold: {e.MessageText}{Detail(e)}. Nothing was imported.", e);
            }
        }
    }

    /// <summary>New spaces, threads, posts... continue after the highest imported id.</summary>
    private static async Task ContinueIdentitiesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var table in ArchiveFormat.TablesWithIdentity)
        {
            await ExecuteAsync(
                connection,
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM {table}",
                cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using System.Buffers;
using System.Data;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CommunityHub.Application.Attachments;
using CommunityHub.Domain.Reciprocity;
using CommunityHub.Infrastructure.Attachments;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommunityHub.Infrastructure.Archive;

/// <summary>Writes the whole community as an NDJSON archive (<see cref="ArchiveFormat"/>). Rows are read with a
/// data reader and each is written as soon as it is read, so memory stays flat however large the community.
/// Attachments' stored copies come from <paramref name="files"/>: read with the other tables when they are kept in the
/// database (the default, and when no store is given), fetched one at a time from a bucket otherwise.</summary>
public sealed class CommunityExporter(CommunityDbContext db, IAttachmentStore? files = null)
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        // The archive is data, never embedded in a page: keep non-ASCII text readable instead of \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the archive; returns how many records of each type it holds.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ExportAsync(Stream output, DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            // One snapshot for every table, so the archive is consistent while the community keeps posting.
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

            var buffer = new ArrayBufferWriter<byte>(64 * 1024);
            await using var writer = new Utf8JsonWriter(buffer, WriterOptions);

            writer.WriteStartObject();
            writer.WriteString("format", ArchiveFormat.Name);
            writer.WriteNumber("version", ArchiveFormat.Version);
            writer.WriteString("exportedAt", FormatTimestamp(exportedAt.UtcDateTime));
            writer.WriteEndObject();
            EndLine(writer, buffer);

            foreach (var type in ArchiveFormat.RecordTypes)
            {
                if (type.Name == ArchiveFormat.AttachmentFileType && files is not (null or DatabaseAttachmentStore))
                {
                    counts[type.Name] = await WriteStoredFilesAsync(connection, transaction, type, writer, buffer, output, cancellationToken);
                    continue;
                }

                long count = 0;
                await using var command = new NpgsqlCommand(type.SelectSql, connection, transaction);
                await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", type.Name);
                    for (var i = 0; i < type.Columns.Count; i++)
                    {
                        var column = type.Columns[i];
                        writer.WritePropertyName(column.Field);
                        if (await reader.IsDBNullAsync(i, cancellationToken))
                        {
                            writer.WriteNullValue();
                        }
                        else
                        {
                            WriteValue(writer, reader, i, column.Value);
                        }
                    }

                    writer.WriteEndObject();
                    EndLine(writer, buffer);
                    count++;
                    // Written out in pieces of about 64 KiB: a million small writes would cost more than the JSON.
                    if (buffer.WrittenCount >= 64 * 1024)
                    {
                        await DrainAsync(output, buffer, cancellationToken);
                    }
                }

                counts[type.Name] = count;
            }

            await DrainAsync(output, buffer, cancellationToken);
            await output.FlushAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return counts;
    }

    /// <summary>The attachments' copies in a bucket, in the order the database would list them (by key, ordinal):
    /// the keys are read in the snapshot first (the connection serves one reader at a time), then each copy is fetched.</summary>
    private async Task<long> WriteStoredFilesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ArchiveRecordType type, Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, Stream output, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT id, is_image FROM attachments", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0).ToString("N");
                keys.Add($"{id}/original");
                if (reader.GetBoolean(1))
                {
                    keys.Add($"{id}/display");
                    keys.Add($"{id}/thumbnail");
                }
            }
        }

        await using (var command = new NpgsqlCommand("SELECT id FROM avatars", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.AddRange(Domain.Members.Avatar.Sizes.Select(size => Domain.Members.Avatar.StorageKey(reader.GetGuid(0), size)));
            }
        }

        keys.Sort(StringComparer.Ordinal);
        long count = 0;
        foreach (var key in keys)
        {
            var content = await files!.GetAsync(key, cancellationToken)
                ?? throw new ArchiveException($"The attachment store has no file under \"{key}\", which an attachment needs; nothing can be exported until it is restored or the attachment removed.");
            writer.WriteStartObject();
            writer.WriteString("type", type.Name);
            writer.WriteString(type.Columns[0].Field, key);
            writer.WritePropertyName(type.Columns[1].Field);
            writer.WriteBase64StringValue(content);
            writer.WriteEndObject();
            EndLine(writer, buffer);
            count++;
            await DrainAsync(output, buffer, cancellationToken);
        }

        return count;
    }

    internal static string FormatTimestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    private static void WriteValue(Utf8JsonWriter writer, NpgsqlDataReader reader, int ordinal, ArchiveValue value)
    {
        switch (value)
        {
            case ArchiveValue.Uuid:
                writer.WriteStringValue(reader.GetGuid(ordinal).ToString("D"));
                break;
            case ArchiveValue.Text:
            case ArchiveValue.RoleName:
            case ArchiveValue.Json:
                writer.WriteStringValue(reader.GetString(ordinal));
                break;
            case ArchiveValue.Int32:
                writer.WriteNumberValue(reader.GetInt32(ordinal));
                break;
            case ArchiveValue.Int64:
                writer.WriteNumberValue(reader.GetInt64(ordinal));
                break;
            case ArchiveValue.Boolean:
                writer.WriteBooleanValue(reader.GetBoolean(ordinal));
                break;
            case ArchiveValue.Double:
                // The shortest text that parses back to the same double: exact, and the same on every machine.
                writer.WriteNumberValue(reader.GetDouble(ordinal));
                break;
            case ArchiveValue.Timestamp:
                writer.WriteStringValue(FormatTimestamp(reader.GetFieldValue<DateTime>(ordinal)));
                break;
            case ArchiveValue.ReciprocityKind:
                writer.WriteStringValue(((ReciprocityKind)reader.GetInt16(ordinal)).ToString());
                break;
            case ArchiveValue.Bytes:
                writer.WriteBase64StringValue(reader.GetFieldValue<byte[]>(ordinal));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value));
        }
    }

    private static void EndLine(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
    {
        writer.Flush();
        buffer.Write("\n"u8);
        writer.Reset(buffer);
    }

    private static async Task DrainAsync(Stream output, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        buffer.ResetWrittenCount();
    }
}

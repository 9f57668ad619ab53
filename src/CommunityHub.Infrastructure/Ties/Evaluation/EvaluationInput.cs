using System.Globalization;
using CommunityHub.Domain.Ties;

namespace CommunityHub.Infrastructure.Ties.Evaluation;

/// <summary>People, their interactions as tie events, and their ratings of each other: what the evaluation reads
/// (formats in docs/ties-evaluation.md).</summary>
public sealed record EvaluationInput(
    IReadOnlyDictionary<string, Guid> People,
    IReadOnlyList<TieEvent> Events,
    IReadOnlyDictionary<(Guid From, Guid To), int> Interactions,
    IReadOnlyList<(Guid Rater, Guid Rated, int Rating)> Ratings,
    DateTimeOffset Now)
{
    /// <summary>Where a study without dates is laid out in time: its "now" is the end.</summary>
    public static readonly DateTimeOffset StudyStart = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <param name="spreadDays">For a count matrix: the days over which each direction's messages are spread evenly.</param>
    /// <param name="wordsPerMessage">Words assumed per message when the file does not say.</param>
    public static EvaluationInput Read(string interactionsPath, string ratingsPath, double spreadDays, int wordsPerMessage)
    {
        var people = new Dictionary<string, Guid>(StringComparer.Ordinal);
        Guid Person(string name)
        {
            name = name.Trim();
            if (name.Length == 0)
            {
                throw new FormatException("A person without a name.");
            }

            if (!people.TryGetValue(name, out var id))
            {
                // Deterministic ids in file order, so that runs compare.
                id = new Guid($"00000000-0000-7000-8000-{people.Count + 1:D12}");
                people[name] = id;
            }

            return id;
        }

        var interactionRows = ReadCsv(interactionsPath);
        var events = new List<TieEvent>();
        var counts = new Dictionary<(Guid, Guid), int>();
        DateTimeOffset now;
        if (IsMatrix(interactionRows))
        {
            foreach (var (from, to, value) in Matrix(interactionRows, interactionsPath))
            {
                var count = (int)Math.Round(value);
                if (count > 0)
                {
                    counts[(Person(from), Person(to))] = count;
                }
            }

            // Each direction's messages evenly over the study; a message answering the other's latest one is a turn.
            now = StudyStart.AddDays(spreadDays);
            foreach (var pair in counts.Keys.Select(k => MemberPair.Of(k.Item1, k.Item2)).Distinct())
            {
                var messages = Spread(pair.Low, pair.High, counts.GetValueOrDefault((pair.Low, pair.High)), spreadDays)
                    .Concat(Spread(pair.High, pair.Low, counts.GetValueOrDefault((pair.High, pair.Low)), spreadDays))
                    .OrderBy(m => m.At).ThenBy(m => m.From)
                    .ToList();
                Guid? previous = null;
                foreach (var (from, to, at) in messages)
                {
                    events.Add(TieEvent.DirectReply(from, to, at, wordsPerMessage, isTurn: previous == to));
                    previous = from;
                }
            }
        }
        else
        {
            // from,to,at[,words]: one row per message, at in ISO 8601.
            var header = interactionRows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
            int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new FormatException($"{interactionsPath}: no '{name}' column (expected from,to,at[,words] or a count matrix).");
            var (fromColumn, toColumn, atColumn, wordsColumn) = (Column("from"), Column("to"), Column("at"), header.IndexOf("words"));
            var rows = interactionRows.Skip(1)
                .Select((r, line) => (
                    From: Person(r[fromColumn]),
                    To: Person(r[toColumn]),
                    At: DateTimeOffset.Parse(r[atColumn], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    Words: wordsColumn >= 0 && wordsColumn < r.Length && r[wordsColumn].Length > 0 ? int.Parse(r[wordsColumn], CultureInfo.InvariantCulture) : wordsPerMessage,
                    Line: line + 2))
                .OrderBy(r => r.At)
                .ToList();
            var latest = new Dictionary<MemberPair, Guid>();
            foreach (var r in rows)
            {
                if (r.From == r.To)
                {
                    continue;
                }

                var pair = MemberPair.Of(r.From, r.To);
                events.Add(TieEvent.DirectReply(r.From, r.To, r.At, r.Words, isTurn: latest.TryGetValue(pair, out var before) && before == r.To));
                latest[pair] = r.From;
                counts[(r.From, r.To)] = counts.GetValueOrDefault((r.From, r.To)) + 1;
            }

            now = rows.Count == 0 ? StudyStart : rows[^1].At;
        }

        var ratingRows = ReadCsv(ratingsPath);
        var ratings = new List<(Guid, Guid, int)>();
        IEnumerable<(string Rater, string Rated, double Rating)> ratingCells = IsMatrix(ratingRows)
            ? Matrix(ratingRows, ratingsPath)
            : ratingRows.Skip(1).Select(r => (r[0], r[1], double.Parse(r[2], CultureInfo.InvariantCulture)));
        foreach (var (rater, rated, rating) in ratingCells)
        {
            if (rating is < 0 or > 4)
            {
                throw new FormatException($"{ratingsPath}: rating {rating} of {rated} by {rater} is outside the 0–4 scale.");
            }

            ratings.Add((Person(rater), Person(rated), (int)rating));
        }

        return new EvaluationInput(people, events, counts, ratings, now);
    }

    private static IEnumerable<(Guid From, Guid To, DateTimeOffset At)> Spread(Guid from, Guid to, int count, double days)
    {
        for (var k = 0; k < count; k++)
        {
            yield return (from, to, StudyStart.AddDays((k + 0.5) * days / count));
        }
    }

    private static bool IsMatrix(List<string[]> rows) => rows.Count > 0 && rows[0].Length > 1 && rows[0][0].Trim().Length == 0;

    /// <summary>A square matrix with names along the top and down the side; the diagonal is ignored.</summary>
    private static IEnumerable<(string Row, string Column, double Value)> Matrix(List<string[]> rows, string path)
    {
        var columns = rows[0].Skip(1).Select(c => c.Trim()).ToArray();
        foreach (var row in rows.Skip(1))
        {
            if (row.Length != columns.Length + 1)
            {
                throw new FormatException($"{path}: row '{row[0]}' has {row.Length - 1} values for {columns.Length} columns.");
            }

            for (var j = 0; j < columns.Length; j++)
            {
                if (row[0].Trim() != columns[j])
                {
                    yield return (row[0].Trim(), columns[j], double.Parse(row[j + 1], CultureInfo.InvariantCulture));
                }
            }
        }
    }

    private static List<string[]> ReadCsv(string path) =>
        [.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => l.Split(','))];
}

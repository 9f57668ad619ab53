namespace CommunityHub.Domain.Reciprocity;

/// <summary>The small fixed set of reactions: a name stored, a symbol and a label shown.</summary>
public static class Reactions
{
    public static IReadOnlyList<Reaction> All { get; } =
    [
        new("agree", "👍", "Agree"),
        new("heart", "❤️", "Love this"),
        new("celebrate", "🎉", "Celebrate"),
        new("insightful", "💡", "Insightful"),
        new("laugh", "😄", "Funny"),
    ];

    public static bool IsKnown(string? name) => All.Any(r => r.Name == name);

    public static Reaction Find(string name) => All.First(r => r.Name == name);
}

public sealed record Reaction(string Name, string Symbol, string Label);

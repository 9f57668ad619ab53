namespace CommunityHub.Domain.Ties;

/// <summary>The three functions of the contract: decay, saturation and balance.</summary>
public static class Decay
{
    /// <summary>2^(−age/halfLife): what an event of weight 1 counts for after <paramref name="age"/>. A negative age counts as none.</summary>
    public static double Factor(TimeSpan age, TimeSpan halfLife) =>
        age <= TimeSpan.Zero ? 1 : Math.Pow(2, -(age / halfLife));

    /// <summary>sat(x; k) = 1 − 2^(−x/k): 0 at 0, one half at k, approaching 1.</summary>
    public static double Saturate(double x, double k) => x <= 0 ? 0 : 1 - Math.Pow(2, -x / k);

    /// <summary>bal(a, b) = min/max: 1 when balanced, 0 when one-way (and 0 when both are 0).</summary>
    public static double Balance(double a, double b)
    {
        var max = Math.Max(a, b);
        return max <= 0 ? 0 : Math.Max(0, Math.Min(a, b)) / max;
    }
}

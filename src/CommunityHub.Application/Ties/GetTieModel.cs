using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Ties.Measuring;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Ties;

/// <summary>For admins: the tie model in force (its weights and floor; when it was fitted, on how many ratings and
/// its held-out figures, or that the configured weights are in force), how many ratings members have given, and the
/// calibrations so far.</summary>
public static class GetTieModel
{
    public const int HistoryShown = 20;

    [Authorize(Powers.Administer)]
    public sealed record Query : IRequest<Model>;

    public sealed record Model(TieWeights Weights, double StrongTieFloor, int StrongTiesPerMember, Fit? InForce, int Ratings, int Raters, IReadOnlyList<Fit> History);

    public sealed record Fit(long Id, DateTimeOffset FittedAt, int Ratings, int Raters, TieWeights Weights, double StrongTieFloor, double? HeldOutCurrent, double? HeldOutFitted, bool Adopted, string Reason, string TriggeredBy);

    public sealed class Handler(ICommunityDb db, TieModelInForce model) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query request, CancellationToken cancellationToken)
        {
            await model.RefreshAsync(db, cancellationToken);
            var history = (await db.TieModelFits.AsNoTracking().OrderByDescending(f => f.FittedAt).ThenByDescending(f => f.Id).Take(HistoryShown).ToListAsync(cancellationToken))
                .Select(f => new Fit(f.Id, f.FittedAt, f.Ratings, f.Raters, f.Weights, f.StrongTieFloor, f.HeldOutCurrent, f.HeldOutFitted, f.Adopted, f.Reason, f.TriggeredBy))
                .ToList();
            var counts = await db.TieRatings.GroupBy(_ => 1).Select(g => new { Ratings = g.Count(), Raters = g.Select(r => r.RaterId).Distinct().Count() }).FirstOrDefaultAsync(cancellationToken);
            var inForce = model.FitId is { } id ? history.Find(f => f.Id == id) : null;
            var o = model.Scorer.Options;
            return new Model(TieWeights.Of(o), o.StrongTieFloor, o.StrongTiesPerMember, inForce, counts?.Ratings ?? 0, counts?.Raters ?? 0, history);
        }
    }
}

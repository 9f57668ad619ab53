using CommunityHub.Domain.Common;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Ties;
using CommunityHub.Domain.Ties.Measuring;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Ties;

/// <summary>Fits the tie model's weights and strong-tie floor to the members' own ratings (<see cref="TieCalibration"/>:
/// a pairwise-ranking fit, cross-validated by rater) and adopts the fit only when it beats the model in force on
/// held-out ratings by the margin. Every run is recorded (<see cref="TieModelFit"/>); an adoption rescored every
/// stored tie, and a run by an admin is in the audit log. Run by an admin (the tie model page), from the command
/// line (<c>calibrate-ties</c>), or weekly in the background: the weekly run takes a PostgreSQL advisory lock and
/// checks the last run's date inside its transaction, so that one instance among many runs it.</summary>
public static class CalibrateTies
{
    public enum Trigger
    {
        Admin,
        CommandLine,
        Weekly,
    }

    public sealed record Command(Trigger By) : ICommand<Outcome>;

    /// <param name="Skipped">Why nothing ran (the weekly run: not due, or another instance has it).</param>
    public sealed record Outcome(TieModelFit? Fit, string? Skipped);

    public sealed class Handler(
        ICommunityDb db, ITieStore store, ICurrentUser currentUser, TieModelInForce model, IOptions<TieCalibrationOptions> options, TimeProvider clock)
        : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            string triggeredBy;
            Guid? adminId = null;
            switch (request.By)
            {
                case Trigger.Admin:
                    if (!currentUser.Viewer().Has(Powers.Administer))
                    {
                        throw new ForbiddenException("Only admins calibrate the tie model.");
                    }

                    adminId = currentUser.MemberId;

                    triggeredBy = await db.Members.Where(m => m.Id == adminId).Select(m => m.DisplayName).SingleAsync(cancellationToken);
                    break;
                case Trigger.Weekly:
                    if (!await store.TryClaimCalibrationAsync(cancellationToken))
                    {
                        return new Outcome(null, "Another instance is calibrating.");
                    }

                    var last = await db.TieModelFits.MaxAsync(f => (DateTimeOffset?)f.FittedAt, cancellationToken);
                    if (last > now - options.Value.CalibrationInterval)
                    {
                        return new Outcome(null, "Not due: the last calibration was less than a week ago.");
                    }

                    triggeredBy = "the weekly run";
                    break;
                default:
                    triggeredBy = "the command line";
                    break;
            }

            // The model in force may have changed on another instance: judge against the latest.
            await model.RefreshAsync(db, cancellationToken);
            var scorer = model.Scorer;
            var rated = await db.TieRatings.AsNoTracking().Select(r => new { r.RaterId, r.RatedId, r.Rating }).ToListAsync(cancellationToken);
            var pairs = rated.Select(r => MemberPair.Of(r.RaterId, r.RatedId)).Distinct().ToList();
            var ties = new Dictionary<MemberPair, TieState>();
            foreach (var batch in pairs.Chunk(1_000))
            {
                var batchLows = batch.Select(p => p.Low).Distinct().ToList();
                var wanted = batch.ToHashSet();
                var rows = await db.Ties.AsNoTracking().Where(t => batchLows.Contains(t.MemberLowId)).ToListAsync(cancellationToken);
                foreach (var row in rows.Select(t => t.ToState()).Where(s => wanted.Contains(s.Pair)))
                {
                    ties[row.Pair] = row;
                }
            }

            var components = rated.Select(r =>
            {
                var found = ties.TryGetValue(MemberPair.Of(r.RaterId, r.RatedId), out var state);
                var score = found ? scorer.Score(state!, now) : TieScore.None;
                return new RatedComponents(r.RaterId, r.RatedId, r.Rating, TieWeights.Components(score), found && state!.HasDirect);
            }).ToList();

            var o = scorer.Options;
            var result = TieCalibration.Calibrate(
                components, TieWeights.Of(o), o.StrongTieFloor, o.SharedThreadsOnlyCap,
                options.Value.CalibrationMargin, options.Value.CalibrationMinimumRatings, options.Value.CalibrationMinimumRaters);
            var fit = TieModelFit.Of(result, now, triggeredBy, adminId);
            db.TieModelFits.Add(fit);
            if (fit.Adopted)
            {
                model.Use(fit);
                await store.RescoreAllAsync(model.Scorer, cancellationToken);
            }

            return new Outcome(fit, null);
        }
    }
}

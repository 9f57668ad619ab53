using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Asking;

/// <summary>The deflection rate, week by week: of the new-thread forms that suggested existing threads, the share
/// where the asker opened a suggestion and did not post within a day of opening it (their form's opening post,
/// recognised by its submission id). A form shown less than a day ago is not counted yet: it is undecided.</summary>
public static class GetDeflection
{
    public const int Weeks = 8;

    [Authorize(Powers.StaffSide)]
    public sealed record Query : IRequest<Deflection>;

    public sealed record Deflection(IReadOnlyList<Week> Weeks)
    {
        public int Forms => Weeks.Sum(w => w.Forms);

        public int Deflected => Weeks.Sum(w => w.Deflected);

        /// <summary>Over all the weeks shown; null with no forms.</summary>
        public double? Rate => Forms == 0 ? null : (double)Deflected / Forms;
    }

    /// <param name="Starts">The week's Monday (UTC).</param>
    public sealed record Week(DateOnly Starts, int Forms, int Opened, int Deflected)
    {
        public double? Rate => Forms == 0 ? null : (double)Deflected / Forms;
    }

    public sealed class Handler(ICommunityDb db, TimeProvider clock) : IRequestHandler<Query, Deflection>
    {
        public async Task<Deflection> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var first = monday.AddDays(-7 * (Weeks - 1));
            var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var decided = now.AddDays(-1);
            var forms = await db.AskingForms.AsNoTracking()
                .Where(f => f.ShownAt >= since && f.ShownAt <= decided)
                .Select(f => new
                {
                    f.ShownAt,
                    Opened = f.OpenedAt != null,
                    Posted = f.OpenedAt != null && db.Posts.Any(p => p.IsOpeningPost && p.SubmissionId == f.FormId && p.AuthorId == f.MemberId && p.CreatedAt <= f.OpenedAt.Value.AddDays(1)),
                })
                .ToListAsync(cancellationToken);
            var weeks = Enumerable.Range(0, Weeks).Select(i => first.AddDays(7 * i)).Select(start =>
            {
                var inWeek = forms.Where(f => DateOnly.FromDateTime(f.ShownAt.UtcDateTime) >= start && DateOnly.FromDateTime(f.ShownAt.UtcDateTime) < start.AddDays(7)).ToList();
                return new Week(start, inWeek.Count, inWeek.Count(f => f.Opened), inWeek.Count(f => f.Opened && !f.Posted));
            }).ToList();
            return new Deflection(weeks);
        }
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Community;
using CommunityHub.Domain.Members;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Administration;

/// <summary>The community values page: everyone reads it, an admin writes it.</summary>
public static class GetCommunityValues
{
    public sealed record Query : IRequest<Values?>;

    public sealed record Values(string Body, string BodyHtml, DateTimeOffset UpdatedAt, string UpdatedByName);

    public sealed class Handler(ICommunityDb db) : IRequestHandler<Query, Values?>
    {
        public Task<Values?> Handle(Query request, CancellationToken cancellationToken) =>
            db.Values.AsNoTracking()
                .Join(db.Members, v => v.UpdatedById, m => m.Id, (v, m) => new Values(v.Body, v.BodyHtml, v.UpdatedAt, m.DisplayName))
                .FirstOrDefaultAsync(cancellationToken);
    }
}

public static class EditCommunityValues
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<Unit>
    {
        public string Body { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Body)
                .Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage("Write the community's values: every member can read them.")
                .Must(body => body.Length <= CommunityValues.BodyMaxLength).WithMessage($"The values page can be at most {CommunityValues.BodyMaxLength:N0} characters.")
                .StorableText();
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IMarkdownRenderer markdown, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var adminId = currentUser.MemberId!.Value;
            var now = clock.GetUtcNow();
            // The page's h1 is its title: the admin's "# Respect" becomes an h2.
            var html = markdown.ToSafeHtml(request.Body, headingShift: 1);
            var values = await db.Values.FirstOrDefaultAsync(cancellationToken);
            if (values is null)
            {
                db.Values.Add(CommunityValues.Write(request.Body, html, adminId, now));
            }
            else
            {
                values.Rewrite(request.Body, html, adminId, now);
            }

            return Unit.Value;
        }
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.ApiTokens;
using FluentValidation;
using MediatR;

namespace CommunityHub.Application.ApiTokens;

/// <summary>A member makes a personal access token for the REST API: a name, scopes their roles allow, an optional
/// expiry. The secret comes back once, here; only its hash is stored.</summary>
public static class CreateApiToken
{
    [Authorize]
    public sealed class Command : ICommand<Result>
    {
        public string Name { get; set; } = string.Empty;

        public IList<string> Scopes { get; set; } = [];

        /// <summary>The last day the token works (through the end of that day, UTC); null for no expiry.</summary>
        public DateOnly? ExpiresOn { get; set; }
    }

    public sealed record Result(Guid Id, string Secret);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Give the token a name, so you know later what uses it.")
                .MaximumLength(ApiToken.NameMaxLength).WithMessage($"A name can be at most {ApiToken.NameMaxLength} characters.")
                .StorableText();
            RuleFor(c => c.Scopes).NotEmpty().WithMessage("Choose at least one scope.")
                .Must(s => TokenScopes.TryParse(s, out _)).WithMessage("Scopes are read, write, moderate and admin.");
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var scopes = TokenScopes.Parse(request.Scopes);
            var (token, secret) = ApiToken.IssuePersonal(currentUser.Viewer(), request.Name, scopes, EndOf(request.ExpiresOn), clock.GetUtcNow());
            db.ApiTokens.Add(token);
            return Task.FromResult(new Result(token.Id, secret));
        }
    }

    /// <summary>A date means "through that day": the token stops at the next midnight, UTC.</summary>
    public static DateTimeOffset? EndOf(DateOnly? day) =>
        day is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}

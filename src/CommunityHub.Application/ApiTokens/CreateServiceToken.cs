using System.Security.Cryptography;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.ApiTokens;
using CommunityHub.Domain.Members;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace CommunityHub.Application.ApiTokens;

/// <summary>An admin makes a service token: a new bot member (shown with a Bot badge on its posts and profile) and a
/// token acting as it. The bot gets an account nobody can sign in to (a random password never shown, an address at
/// the reserved <c>.invalid</c> domain, confirmed so that it may post) and the Member role only, so its token reads
/// and writes; an admin gives the bot more roles on the roles page before making a moderating token for it.</summary>
public static class CreateServiceToken
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<CreateApiToken.Result>
    {
        /// <summary>The bot's display name, e.g. "Release notes bot".</summary>
        public string BotName { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public IList<string> Scopes { get; set; } = [];

        public DateOnly? ExpiresOn { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.BotName).NotEmpty().WithMessage("Name the bot: its posts show this name.")
                .MaximumLength(Member.DisplayNameMaxLength).WithMessage($"A bot's name can be at most {Member.DisplayNameMaxLength} characters.")
                .StorableText();
            RuleFor(c => c.Name).NotEmpty().WithMessage("Give the token a name, so you know later what uses it.")
                .MaximumLength(ApiToken.NameMaxLength).WithMessage($"A name can be at most {ApiToken.NameMaxLength} characters.")
                .StorableText();
            RuleFor(c => c.Scopes).NotEmpty().WithMessage("Choose at least one scope.")
                .Must(s => TokenScopes.TryParse(s, out _)).WithMessage("Scopes are read, write, moderate and admin.");
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, IIdentityService identity, TimeProvider clock)
        : IRequestHandler<Command, CreateApiToken.Result>
    {
        public async Task<CreateApiToken.Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var scopes = TokenScopes.Parse(request.Scopes);
            var now = clock.GetUtcNow();
            var bot = Member.Join(Guid.CreateVersion7(), request.BotName, await Account.HandleAvailability.FreeAsync(db, request.BotName, cancellationToken), now);
            bot.ShowAs(MemberBadge.Bot, null);
            db.Members.Add(bot);
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "aA1!";
            var created = await identity.CreateAccountAsync(bot.Id, $"{bot.Handle}@bots.invalid", password, cancellationToken);
            if (!created.Succeeded)
            {
                throw new ValidationException(created.Errors.Select(e => new ValidationFailure(nameof(Command.BotName), e.Message)));
            }

            await identity.ConfirmEmailAsync(bot.Id, await identity.EmailConfirmationCodeAsync(bot.Id, cancellationToken), cancellationToken);
            var (token, secret) = ApiToken.IssueService(currentUser.Viewer(), bot.Id, Viewer.Of(bot.Id, [Roles.Member]), request.Name, scopes, CreateApiToken.EndOf(request.ExpiresOn), now);
            db.ApiTokens.Add(token);
            return new CreateApiToken.Result(token.Id, secret);
        }
    }
}

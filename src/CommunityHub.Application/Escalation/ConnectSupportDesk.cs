using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Escalation;
using CommunityHub.Domain.Members;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace CommunityHub.Application.Escalation;

/// <summary>An admin connects the community to its support desk, or changes the connection. The signing secret is
/// generated on the first connection and kept until the admin replaces it.</summary>
public static class ConnectSupportDesk
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<Unit>
    {
        public string? Url { get; set; }

        public DeskFormat Format { get; set; }

        /// <summary>A new Authorization header value; empty keeps the stored one (it is never shown back).</summary>
        public string? Authorization { get; set; }

        public bool ClearAuthorization { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<CommunityOptions> community)
        {
            ArgumentNullException.ThrowIfNull(community);
            RuleFor(c => c.Url).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the desk's address.")
                .Must(url => SupportDesk.IsDeskAddress(AsUri(url))).WithMessage($"The desk's address must be an http:// or https:// address of at most {SupportDesk.UrlMaxLength} characters.")
                .Must(url => !CommunityAddress.IsThisCommunity(AsUri(url)!, community.Value.PublicUrl)).WithMessage("The desk's address points at this community itself; enter the support desk's address.");
            RuleFor(c => c.Format).IsInEnum().WithMessage("Choose one of the formats.");
            RuleFor(c => c.Authorization).MaximumLength(SupportDesk.AuthorizationMaxLength)
                .Must(a => a is null || !a.Any(char.IsControl)).WithMessage("The authorization value must be one line.");
        }

        private static Uri? AsUri(string? url) => Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) ? uri : null;
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var adminId = currentUser.MemberId!.Value;
            var url = new Uri(request.Url!.Trim(), UriKind.Absolute);
            var now = clock.GetUtcNow();
            var desk = await db.SupportDesks.FindAsync([SupportDesk.TheOne], cancellationToken);
            if (desk is null)
            {
                db.SupportDesks.Add(SupportDesk.Connect(adminId, url, request.Format, request.Authorization, DeskSignature.NewSecret(), now));
            }
            else
            {
                desk.Change(adminId, url, request.Format, request.Authorization, request.ClearAuthorization, now);
            }

            return Unit.Value;
        }
    }
}

/// <summary>An admin replaces the desk's signing secret (it leaked, or the desk was set up anew).</summary>
public static class ReplaceDeskSecret
{
    [Authorize(Powers.Administer)]
    public sealed record Command : ICommand<Unit>;

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var desk = await db.SupportDesks.FindAsync([SupportDesk.TheOne], cancellationToken)
                ?? throw new Domain.Common.DomainException("Connect a support desk first.");
            desk.ReplaceSecret(currentUser.MemberId!.Value, DeskSignature.NewSecret(), clock.GetUtcNow());
            return Unit.Value;
        }
    }
}

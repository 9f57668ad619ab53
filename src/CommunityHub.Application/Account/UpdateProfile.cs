using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Application.Common.Validation;
using CommunityHub.Domain.Members;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Account;

/// <summary>A member changes their display name, handle, bio, link and time zone. A handle given up stays theirs,
/// so old @mentions and profile links keep leading to them.</summary>
public static class UpdateProfile
{
    [Authorize]
    public sealed class Command : ICommand<Unit>
    {
        public string DisplayName { get; set; } = string.Empty;

        public string Handle { get; set; } = string.Empty;

        public string? Bio { get; set; }

        public string? Website { get; set; }

        /// <summary>An IANA zone ("Europe/Berlin"); blank: the browser's, else UTC.</summary>
        public string? TimeZone { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DisplayName)
                .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Choose the name other members will see.")
                .StorableText()
                .Must(name => name.Trim().Length <= Member.DisplayNameMaxLength)
                .WithMessage($"A display name can be at most {Member.DisplayNameMaxLength} characters.");
            RuleFor(c => c.Handle)
                .Must(handle => !string.IsNullOrWhiteSpace(handle)).WithMessage("Choose a handle: it is your profile's address and how others @mention you.")
                .Must(handle => MemberHandle.IsValid(handle.Trim().TrimStart('@')))
                .WithMessage($"A handle is {MemberHandle.MinLength} to {MemberHandle.MaxLength} lower-case letters, digits and single hyphens, for example alice-chen.")
                .Must(handle => !Member.IsFormerHandle(handle.Trim().TrimStart('@'))).WithMessage("That handle is reserved. Choose another.");
            RuleFor(c => c.Bio)
                .StorableText()
                .Must(bio => bio is null || bio.Trim().Length <= Member.BioMaxLength).WithMessage($"A bio can be at most {Member.BioMaxLength} characters.");
            RuleFor(c => c.Website)
                .StorableText()
                .Must(link => string.IsNullOrWhiteSpace(link) || Member.IsWebLink(link.Trim()))
                .WithMessage($"A link starts with https:// or http:// and is at most {Member.WebsiteMaxLength} characters.");
            RuleFor(c => c.TimeZone)
                .Must(zone => string.IsNullOrWhiteSpace(zone) || MemberTimeZone.IsKnown(zone.Trim()))
                .WithMessage("That is not a time zone we know. Pick one from the list, for example Europe/Berlin, or leave it empty for your browser's.");
        }
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var me = currentUser.MemberId ?? throw new NotSignedInException();
            var member = await db.Members.FirstOrDefaultAsync(m => m.Id == me && m.FormerAt == null, cancellationToken) ?? throw new NotFoundException("Member", me);
            var handle = request.Handle.Trim().TrimStart('@');
            if (handle != member.Handle)
            {
                if (await HandleAvailability.IsTakenByOtherAsync(db, handle, me, cancellationToken))
                {
                    throw new ValidationException([new ValidationFailure(nameof(Command.Handle), $"@{handle} is taken by someone else. Choose another.")]);
                }

                // Taking back a handle of one's own past: it is current again, not former.
                await db.FormerHandles.Where(f => f.Handle == handle && f.MemberId == me).ExecuteDeleteAsync(cancellationToken);
                if (member.ChangeHandle(handle, clock.GetUtcNow()) is { } former)
                {
                    db.FormerHandles.Add(former);
                }
            }

            member.Describe(request.DisplayName, request.Bio, request.Website);
            member.UseTimeZone(request.TimeZone);
            return Unit.Value;
        }
    }
}

using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Groups;

/// <summary>An admin puts a member in a group (by their handle, as the form asks) or takes them out.</summary>
public static class ChangeGroupMembers
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<Unit>
    {
        public int GroupId { get; set; }

        /// <summary>The member to add, by handle ("@dana" or "dana").</summary>
        public string? Handle { get; set; }

        /// <summary>The member to take out (instead of <see cref="Handle"/>).</summary>
        public Guid? RemoveMemberId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Handle).NotEmpty().When(c => c.RemoveMemberId is null).WithMessage("Write the handle of the member to add.");
    }

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var group = await db.Groups.Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == request.GroupId, cancellationToken)
                ?? throw new NotFoundException("Group", request.GroupId);
            var admin = currentUser.MemberId!.Value;
            var now = clock.GetUtcNow();
            if (request.RemoveMemberId is { } id)
            {
                var name = await db.Members.Where(m => m.Id == id).Select(m => m.DisplayName).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException("Member", id);
                group.Remove(id, name, admin, now);
                return Unit.Value;
            }

            var handle = request.Handle!.Trim().TrimStart('@');
            var member = await db.Members.Where(m => m.Handle == handle && m.FormerAt == null).Select(m => new { m.Id, m.DisplayName }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException($"No member has the handle @{handle}.");
            group.Add(member.Id, member.DisplayName, admin, now);
            return Unit.Value;
        }
    }
}

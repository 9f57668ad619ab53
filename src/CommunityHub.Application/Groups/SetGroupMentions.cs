using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Application.Common.Security;
using CommunityHub.Domain.Groups;
using CommunityHub.Domain.Members;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Groups;

/// <summary>An admin gives a group an @mention handle (like <c>beta</c>) and says who may use it: nobody, the staff
/// side, the group's own members, or any member. A post by someone allowed that mentions it tells the group's members
/// who may read the post. The handle is the group's alone: no other group's and no member's (present or given up).</summary>
public static class SetGroupMentions
{
    [Authorize(Powers.Administer)]
    public sealed class Command : ICommand<Unit>
    {
        public int GroupId { get; set; }

        /// <summary>Like <c>beta</c> (an @ in front is dropped); empty for none.</summary>
        public string? MentionHandle { get; set; }

        public GroupMentions MentionableBy { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.MentionHandle)
                .Must(h => string.IsNullOrWhiteSpace(h) || MemberHandle.IsValid(Normal(h)))
                .WithMessage($"A handle is 2 to {MemberHandle.MaxLength} lower-case letters, digits and single hyphens, like beta.");
            RuleFor(c => c.MentionableBy).IsInEnum().WithMessage("Choose who may mention the group.");
        }
    }

    /// <summary>The handle as stored: without a leading @, lower case.</summary>
    public static string? Normal(string? handle) =>
        string.IsNullOrWhiteSpace(handle) ? null : handle.Trim().TrimStart('@').ToLowerInvariant();

    public sealed class Handler(ICommunityDb db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var handle = Normal(request.MentionHandle);
            var groupId = request.GroupId;
            var found = await db.Groups
                .Where(g => g.Id == groupId)
                .Select(g => new
                {
                    Group = g,
                    // Taken by another group, or by a member now or before (old @mentions still lead to them).
                    ByGroup = handle != null && db.Groups.Any(o => o.Id != groupId && o.MentionHandle == handle),
                    ByMember = handle != null && (db.Members.Any(m => m.Handle == handle) || db.FormerHandles.Any(f => f.Handle == handle)),
                })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Group", request.GroupId);
            if (found.ByGroup || found.ByMember)
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.MentionHandle),
                    $"@{handle} is taken by {(found.ByGroup ? "another group" : "a member")}: choose another handle.")]);
            }

            found.Group.MentionAs(handle, request.MentionableBy, currentUser.MemberId!.Value, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}

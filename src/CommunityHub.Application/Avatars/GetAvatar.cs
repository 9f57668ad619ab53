using CommunityHub.Application.Attachments;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Domain.Members;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Avatars;

/// <summary>One copy of a member's picture. A picture is public, like its member's name, but only while it is theirs:
/// a replaced or removed one, a banned or a former member's, is not found.</summary>
public static class GetAvatar
{
    public sealed record Query(Guid Id, int Size) : IRequest<StoredAvatar>;

    public sealed record StoredAvatar(byte[] Content, string ContentType);

    public sealed class Handler(ICommunityDb db, IAttachmentStore store) : IRequestHandler<Query, StoredAvatar>
    {
        public async Task<StoredAvatar> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!Avatar.IsSize(request.Size))
            {
                throw new NotFoundException("Avatar", request.Id);
            }

            var contentType = await (
                    from a in db.Avatars.AsNoTracking()
                    join m in db.Members on a.MemberId equals m.Id
                    where a.Id == request.Id && m.AvatarId == a.Id && !m.IsBanned && m.FormerAt == null
                    select a.ContentType)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Avatar", request.Id);
            var content = await store.GetAsync(Avatar.StorageKey(request.Id, request.Size), cancellationToken)
                ?? throw new NotFoundException("Avatar", request.Id);
            return new StoredAvatar(content, contentType);
        }
    }
}

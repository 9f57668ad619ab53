using CommunityHub.Domain.Common;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Domain.Tests;

/// <summary>A member's picture: theirs alone to change, theirs or a moderator's to take down (which the audit log
/// hears of), gone when they leave; each upload a new avatar with a new id (the versioned address).</summary>
public sealed class AvatarTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    private static Member NewMember(string name = "Alice Chen") => Member.Join(Guid.NewGuid(), name, name.ToLowerInvariant().Replace(' ', '-'), Now);

    private static Viewer Moderator => new(Guid.NewGuid(), Powers.StaffSide | Powers.Moderate);

    [Fact]
    public void A_member_changes_their_picture_and_each_upload_has_its_own_id_and_copies()
    {
        var alice = NewMember();
        var me = new Viewer(alice.Id, Powers.None);

        var first = alice.ChangeAvatar(me, Guid.NewGuid(), "image/webp", Now);
        var second = alice.ChangeAvatar(me, Guid.NewGuid(), "image/webp", Now);

        Assert.Equal(second.Id, alice.AvatarId);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(alice.Id, second.MemberId);
        Assert.Equal([48, 96, 192], Avatar.Sizes);
        Assert.Equal([$"avatars/{second.Id:N}/48", $"avatars/{second.Id:N}/96", $"avatars/{second.Id:N}/192"], second.StorageKeys);
        Assert.Empty(alice.TakeDomainEvents());
    }

    [Fact]
    public void Only_the_sizes_made_have_storage_keys()
    {
        Assert.True(Avatar.IsSize(96));
        Assert.False(Avatar.IsSize(64));
        Assert.Throws<ArgumentOutOfRangeException>(() => Avatar.StorageKey(Guid.NewGuid(), 1000));
    }

    [Fact]
    public void Member_cannot_change_someone_elses_picture_and_a_moderator_cannot_either()
    {
        var alice = NewMember();

        Assert.Throws<ForbiddenException>(() => alice.ChangeAvatar(new Viewer(Guid.NewGuid(), Powers.None), Guid.NewGuid(), "image/webp", Now));
        Assert.Throws<ForbiddenException>(() => alice.ChangeAvatar(Moderator, Guid.NewGuid(), "image/webp", Now));
        Assert.Null(alice.AvatarId);
    }

    [Fact]
    public void Member_cannot_remove_someone_elses_picture()
    {
        var alice = NewMember();
        alice.ChangeAvatar(new Viewer(alice.Id, Powers.None), Guid.NewGuid(), "image/webp", Now);

        Assert.Throws<ForbiddenException>(() => alice.RemoveAvatar(new Viewer(Guid.NewGuid(), Powers.StaffSide), false, null, Now));
        Assert.NotNull(alice.AvatarId);
    }

    [Fact]
    public void A_moderators_removal_is_recorded_for_the_audit_log_and_the_members_own_is_not()
    {
        var alice = NewMember();
        var me = new Viewer(alice.Id, Powers.None);
        var first = alice.ChangeAvatar(me, Guid.NewGuid(), "image/webp", Now);
        Assert.Equal(first.Id, alice.RemoveAvatar(me, false, null, Now));
        Assert.Empty(alice.TakeDomainEvents());

        alice.ChangeAvatar(me, Guid.NewGuid(), "image/webp", Now);
        var moderator = Moderator;
        alice.RemoveAvatar(moderator, false, "  Offensive  ", Now);

        var moderated = Assert.IsType<MemberModerated>(Assert.Single(alice.TakeDomainEvents()));
        Assert.Equal((moderator.MemberId!.Value, alice.Id, ModerationAction.RemoveAvatar, "Offensive"), (moderated.ModeratorId, moderated.MemberId, moderated.Action, moderated.Reason));
        Assert.Null(alice.AvatarId);
        Assert.Throws<DomainException>(() => alice.RemoveAvatar(moderator, false, null, Now));
    }

    [Fact]
    public void A_moderator_cannot_remove_an_admins_picture()
    {
        var ada = NewMember("Ada Admin");
        ada.ChangeAvatar(new Viewer(ada.Id, Powers.None), Guid.NewGuid(), "image/webp", Now);

        Assert.Throws<ForbiddenException>(() => ada.RemoveAvatar(Moderator, isAdmin: true, null, Now));
        Assert.NotNull(ada.AvatarId);
    }

    [Fact]
    public void Leaving_takes_the_picture_along_and_a_former_member_cannot_put_one_up()
    {
        var alice = NewMember();
        var me = new Viewer(alice.Id, Powers.None);
        alice.ChangeAvatar(me, Guid.NewGuid(), "image/webp", Now);

        alice.Leave(Now);

        Assert.Null(alice.AvatarId);
        Assert.Throws<DomainException>(() => alice.ChangeAvatar(me, Guid.NewGuid(), "image/webp", Now));
    }
}

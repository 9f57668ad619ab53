using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Avatars;

/// <summary>A moderator takes a member's picture down from the member's moderation page (where warnings, suspensions
/// and bans are): the button shows only to moderators and only when there is a picture; a member's forged POST is
/// refused and changes nothing.</summary>
public sealed class AvatarModerationPageTests(WebFixture fixture) : WebTest(fixture)
{
    private const string RemoveForm = "form[action*='handler=picture']";

    private async Task<(Guid Id, Guid? AvatarId, string Handle)> MemberAsync(string displayName)
    {
        var member = await DbAsync(db => db.Members.Where(m => m.DisplayName == displayName).Select(m => new { m.Id, m.AvatarId, m.Handle }).SingleAsync());
        return (member.Id, member.AvatarId, member.Handle);
    }

    private async Task<(Guid Member, Guid Avatar)> AliceWithAPictureAsync()
    {
        var alice = await NewMemberAsync("Alice");
        using (var uploaded = await AvatarPageTests.UploadAsync(alice, "me.png", TestImages.Png(200, 200)))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var (id, avatar, _) = await MemberAsync("Alice");
        return (id, avatar!.Value);
    }

    [Fact]
    public async Task A_moderator_removes_a_members_picture_its_address_stops_answering_and_the_initial_shows()
    {
        var (alice, avatar) = await AliceWithAPictureAsync();
        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);

        var page = await GetPageAsync(morgan, $"/moderation/members/{alice}");
        var form = page.QuerySelector<IHtmlFormElement>(RemoveForm)!;
        Assert.Equal($"/avatars/{avatar}/96", form.QuerySelector("img.avatar")!.GetAttribute("src"));
        Assert.Equal("Remove picture", form.QuerySelector("button[type=submit]")!.TextContent.Trim());

        using var removed = await SubmitFormAsync(morgan, $"/moderation/members/{alice}", new Dictionary<string, string> { ["Picture.Reason"] = "Not a picture for a customer community" }, RemoveForm);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var (_, now, handle) = await MemberAsync("Alice");
        Assert.Null(now);
        using (var gone = await NewVisitor().GetAsync($"/avatars/{avatar}/48"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        var profile = await GetPageAsync(NewVisitor(), $"/members/{handle}");
        Assert.Null(profile.QuerySelector(".profile-header img.avatar"));
        Assert.Equal("A", profile.QuerySelector(".profile-header span.avatar")!.TextContent);
        var after = await GetPageAsync(morgan, $"/moderation/members/{alice}");
        Assert.Null(after.QuerySelector(RemoveForm));
        Assert.Contains("Removed a member's picture", after.QuerySelector(".history-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not a picture for a customer community", after.QuerySelector(".history-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_picture_the_moderator_sees_no_remove_button()
    {
        using (await NewMemberAsync("Bruno"))
        {
        }

        var (bruno, _, _) = await MemberAsync("Bruno");
        var morgan = await NewMemberAsync("Morgan", Roles.Moderator);

        var page = await GetPageAsync(morgan, $"/moderation/members/{bruno}");

        Assert.NotNull(page.QuerySelector("form[action*='handler=sanction']"));
        Assert.Null(page.QuerySelector(RemoveForm));
    }

    [Fact]
    public async Task A_members_forged_post_cannot_remove_someone_elses_picture_and_the_page_is_not_theirs_to_see()
    {
        var (alice, avatar) = await AliceWithAPictureAsync();
        var bruno = await NewMemberAsync("Bruno");
        var token = FormValues((await GetPageAsync(bruno, "/account/avatar")).QuerySelector<IHtmlFormElement>("form[enctype='multipart/form-data']")!)["__RequestVerificationToken"];

        using var forged = await PostAsync(bruno, $"/moderation/members/{alice}?handler=picture", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Picture.Reason"] = "Mine now" });
        using var own = await PostAsync(bruno, $"/account/avatar?handler=Remove", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.MemberId"] = alice.ToString() });
        using var withoutToken = await PostAsync(await NewMemberAsync("Morgan", Roles.Moderator), $"/moderation/members/{alice}?handler=picture", new Dictionary<string, string>());
        await GetPageAsync(bruno, $"/moderation/members/{alice}", HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(avatar, (await MemberAsync("Alice")).AvatarId);
        using var served = await NewVisitor().GetAsync($"/avatars/{avatar}/48");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(0, await DbAsync(db => db.ModerationLog.CountAsync(e => e.Action == ModerationAction.RemoveAvatar)));
    }
}

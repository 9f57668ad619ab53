using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Web.Tests.Avatars;

/// <summary>Pictures over HTTP: uploaded with the plain form (no script), served public and immutable under a versioned
/// address, shown on posts and profiles, refused with a sentence, and never changed by a forged POST.</summary>
public sealed class AvatarPageTests(WebFixture fixture) : WebTest(fixture)
{
    /// <summary>Sends /account/avatar's upload form as multipart with <paramref name="content"/> in its file input.</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] content, IDictionary<string, string>? extra = null)
    {
        var page = await GetPageAsync(client, "/account/avatar");
        var form = page.QuerySelector<IHtmlFormElement>("form[enctype='multipart/form-data']")!;
        using var body = new MultipartFormDataContent();
        foreach (var (field, value) in FormValues(form, extra).Where(v => v.Key != "picture"))
        {
            body.Add(new StringContent(value), field);
        }

        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(part, "picture", name);
        return await client.PostAsync("/account/avatar", body);
    }

    private Task<Guid?> AvatarOfAsync(string displayName) =>
        DbAsync(db => db.Members.Where(m => m.DisplayName == displayName).Select(m => m.AvatarId).SingleAsync());

    [Fact]
    public async Task A_picture_uploaded_without_script_is_served_for_a_year_and_shown_on_posts_and_the_profile()
    {
        await CreateSpaceAsync();
        var alice = await NewMemberAsync("Alice");

        using var uploaded = await UploadAsync(alice, "me.jpg", TestImages.JpegWithGps(500, 400));

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var id = (await AvatarOfAsync("Alice"))!.Value;
        var account = await GetPageAsync(alice, "/account/avatar");
        Assert.Equal($"/avatars/{id}/96", account.QuerySelector(".avatar-preview img")!.GetAttribute("src"));
        Assert.NotNull(account.QuerySelector("form button[type=submit]")?.TextContent.Contains("Remove", StringComparison.Ordinal));

        using var image = await NewVisitor().GetAsync($"/avatars/{id}/48");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/webp", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", image.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain(TestImages.CameraMake, Encoding.Latin1.GetString(await image.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        var thread = await StartThreadAsync(alice);
        var post = (await GetPageAsync(NewVisitor(), thread)).QuerySelector(".post--opening .post__header img.avatar")!;
        Assert.Equal($"/avatars/{id}/48", post.GetAttribute("src"));
        Assert.Equal(("48", "48", ""), (post.GetAttribute("width"), post.GetAttribute("height"), post.GetAttribute("alt")));
        var handle = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Alice").Select(m => m.Handle).SingleAsync());
        var profile = await GetPageAsync(NewVisitor(), $"/members/{handle}");
        Assert.Equal($"/avatars/{id}/96", profile.QuerySelector(".profile-header img.avatar")!.GetAttribute("src"));
    }

    [Fact]
    public async Task A_member_without_a_picture_shows_their_initial()
    {
        await CreateSpaceAsync();
        var thread = await StartThreadAsync(await NewMemberAsync("Bruno"));

        var post = await GetPageAsync(NewVisitor(), thread);

        Assert.Equal("B", post.QuerySelector(".post--opening .post__header span.avatar")!.TextContent);
        Assert.Null(post.QuerySelector(".post__header img.avatar"));
    }

    [Fact]
    public async Task An_unknown_id_size_or_a_replaced_picture_is_a_404()
    {
        var alice = await NewMemberAsync("Alice");
        using (await UploadAsync(alice, "a.png", TestImages.Png(200, 200)))
        {
        }

        var first = (await AvatarOfAsync("Alice"))!.Value;
        using (await UploadAsync(alice, "b.png", TestImages.Png(100, 300)))
        {
        }

        var visitor = NewVisitor();
        foreach (var url in new[] { $"/avatars/{Guid.NewGuid()}/48", $"/avatars/{(await AvatarOfAsync("Alice"))!.Value}/64", $"/avatars/{first}/48", "/avatars/not-an-id/48" })
        {
            using var response = await visitor.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "me.png", Encoding.UTF8.GetBytes("%PDF-1.7 not a picture"), "is not a picture" },
        { "cut.png", TestImages.Png()[..60], "is not a readable image" },
        { "bomb.png", TestImages.PngHeader(20_000, 20_000), "million pixels" },
        { "logo.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "is not a picture" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Not_a_picture_a_damaged_one_or_a_bomb_is_refused_on_the_page(string name, byte[] content, string message)
    {
        var alice = await NewMemberAsync("Alice");

        using var response = await UploadAsync(alice, name, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await ParseAsync(response)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await AvatarOfAsync("Alice"));
        Assert.Equal(0, await DbAsync(db => db.Avatars.CountAsync()));
    }

    [Fact]
    public async Task A_forged_post_cannot_change_someone_elses_picture_nor_go_without_the_token()
    {
        using (await NewMemberAsync("Alice"))
        {
        }

        var alice = await DbAsync(db => db.Members.Where(m => m.DisplayName == "Alice").Select(m => m.Id).SingleAsync());
        var bruno = await NewMemberAsync("Bruno");

        using var forged = await UploadAsync(bruno, "me.png", TestImages.Png(), new Dictionary<string, string> { ["Input.MemberId"] = alice.ToString() });
        using var withoutToken = await bruno.PostAsync("/account/avatar", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png()), "picture", "me.png" } });
        using var anonymous = await NewVisitor().PostAsync("/account/avatar", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png()), "picture", "me.png" } });

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Null(await AvatarOfAsync("Alice"));
        Assert.Null(await AvatarOfAsync("Bruno"));
    }

    [Fact]
    public async Task Remove_takes_the_picture_down_and_its_address_stops_answering()
    {
        var alice = await NewMemberAsync("Alice");
        using (await UploadAsync(alice, "me.png", TestImages.Png()))
        {
        }

        var id = (await AvatarOfAsync("Alice"))!.Value;

        using var removed = await SubmitFormAsync(alice, "/account/avatar", new Dictionary<string, string>(), "form[action*='handler=Remove']");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await AvatarOfAsync("Alice"));
        using var gone = await NewVisitor().GetAsync($"/avatars/{id}/48");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}

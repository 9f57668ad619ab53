using System.Net;
using MimeKit;

namespace CommunityHub.Web.Tests.Conversation;

/// <summary>E-mails as a newcomer meets them: .eml files in the pickup folder, written by the background sender.</summary>
public sealed class EmailPageTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<MimeMessage> WaitForMailAsync(string to, string subjectContains)
    {
        // The background sender polls every 100 ms in the tests; give it a few seconds at most.
        for (var i = 0; i < 100; i++)
        {
            foreach (var file in Fixture.Mail.GetFiles("*.eml"))
            {
                var message = await MimeMessage.LoadAsync(file.FullName);
                if (message.To.Mailboxes.Any(m => m.Address == to) && message.Subject!.Contains(subjectContains, StringComparison.Ordinal))
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No e-mail to {to} about \"{subjectContains}\" reached {Fixture.Mail.FullName}.");
    }

    private static string LinkIn(MimeMessage message, string path) =>
        new Uri(message.TextBody!.Split('\n').Select(l => l.Trim()).First(l => l.Contains(path, StringComparison.Ordinal))).PathAndQuery;

    [Fact]
    public async Task A_new_member_confirms_their_address_from_the_email_in_the_pickup_folder()
    {
        await NewMemberAsync("Dana Newcomer");

        var mail = await WaitForMailAsync(EmailOf("Dana Newcomer"), "Confirm your e-mail address");
        var confirmed = await GetPageAsync(NewVisitor(), LinkIn(mail, "/account/confirm-email"));
        var broken = await GetPageAsync(NewVisitor(), "/account/confirm-email?member=" + Guid.NewGuid() + "&code=abc");

        Assert.Equal("Address confirmed", confirmed.QuerySelector("h1")!.TextContent);
        Assert.Equal("Link not valid", broken.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_member_resets_a_forgotten_password_with_the_emailed_link()
    {
        using (await NewMemberAsync("Erik Forgetful")) { }
        var visitor = NewVisitor();

        using var asked = await SubmitFormAsync(visitor, "/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = EmailOf("Erik Forgetful") });
        using var unknown = await SubmitFormAsync(visitor, "/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(asked.Headers.Location, unknown.Headers.Location); // the same answer either way
        var mail = await WaitForMailAsync(EmailOf("Erik Forgetful"), "Reset your");
        using var reset = await SubmitFormAsync(visitor, LinkIn(mail, "/account/reset-password"), new Dictionary<string, string> { ["Input.Password"] = "my new long password" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        using var signedIn = await SubmitFormAsync(NewVisitor(), "/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = EmailOf("Erik Forgetful"),
            ["Input.Password"] = "my new long password",
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var reused = await SubmitFormAsync(visitor, LinkIn(mail, "/account/reset-password"), new Dictionary<string, string> { ["Input.Password"] = "another long password" });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("not valid any more", (await ParseAsync(reused)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
    }
}

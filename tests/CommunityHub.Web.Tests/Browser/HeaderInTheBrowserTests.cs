using CommunityHub.Domain.Members;
using Microsoft.Playwright;

namespace CommunityHub.Web.Tests.Browser;

/// <summary>The header's links for the people with the most of them (a moderator who is also staff and admin).</summary>
public sealed class HeaderInTheBrowserTests(WebFixture fixture, BrowserSession session) : BrowserTest(fixture, session)
{
    [Fact]
    public async Task The_header_of_a_staff_moderator_fits_on_one_line_at_1280_px()
    {
        using (await NewMemberAsync("Morgan Reyes-Okafor", Roles.Staff, Roles.Moderator, Roles.Admin))
        {
        }

        var page = await NewPersonAsync(width: 1280);
        await SignInAsync(page, "Morgan Reyes-Okafor");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Community health" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Moderation" })).ToBeVisibleAsync();

        // Every item of the header (the brand, each link, the name, the sign-out button) on the same line.
        var middles = await page.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('.site-header__inner > .brand, .account-nav > *')].map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; })");
        Assert.True(middles.Length >= 7, $"{middles.Length} items");
        Assert.True(middles.Max() - middles.Min() < 8, $"the header wraps: item middles at {string.Join(", ", middles.Select(m => m.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} px");
    }
}

using CommunityHub.Domain.Members;
using CommunityHub.Infrastructure.Identity;

namespace CommunityHub.Web.Authentication;

/// <summary>The time zone dates are shown in for this request: the member's choice, else the browser's (site.js
/// keeps it in a cookie), else UTC. An unknown name from a cookie counts as UTC.</summary>
public sealed class ViewerTimeZone(IHttpContextAccessor accessor)
{
    public const string Cookie = "communityhub.tz";

    private TimeZoneInfo? _zone;

    public TimeZoneInfo Zone => _zone ??= Find();

    private TimeZoneInfo Find()
    {
        var context = accessor.HttpContext;
        var chosen = context?.User.FindFirst(CommunityClaims.TimeZone)?.Value;
        return MemberTimeZone.Find(chosen ?? context?.Request.Cookies[Cookie]);
    }
}

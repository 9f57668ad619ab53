using CommunityHub.Domain.Common;
using CommunityHub.Domain.Escalation;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Threads;

namespace CommunityHub.Domain.Tests.Escalation;

/// <summary>Who may escalate (the conversation policy's one answer), and an escalation's life: pending, open, solved;
/// or failed and retried; never two cases at once.</summary>
public sealed class EscalationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Guid AdminId = Guid.NewGuid();

    private static Viewer With(params string[] roles) => Viewer.Of(Guid.NewGuid(), [Roles.Member, .. roles]);

    [Theory]
    [InlineData(Roles.Staff, true)]
    [InlineData(Roles.Executive, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Moderator, false)]
    [InlineData(Roles.Member, false)]
    public void Only_the_companys_own_people_escalate(string role, bool allowed)
    {
        var viewer = With(role);

        Assert.Equal(allowed, ConversationPolicy.Escalate(viewer).IsAllowed);
        Assert.Equal(allowed, ConversationPolicy.ForThread(viewer, Conversations.AThread()).Escalate);
        if (!allowed)
        {
            Assert.True(ConversationPolicy.Escalate(viewer).IsForbidden);
            Assert.Throws<ForbiddenException>(() => ThreadEscalation.Start(1, viewer, "{}", Now));
        }
    }

    [Fact]
    public void A_visitor_cannot_escalate() =>
        Assert.True(ConversationPolicy.Escalate(Viewer.Anonymous).IsForbidden);

    [Fact]
    public void An_escalation_opens_solves_and_then_the_thread_may_be_escalated_again()
    {
        var escalation = ThreadEscalation.Start(7, With(Roles.Staff), "{}", Now);
        Assert.Equal((EscalationStatus.Pending, Now), (escalation.Status, escalation.NextAttemptAt));
        Assert.False(ThreadEscalation.MayEscalateAgain(escalation.Status, escalation.CaseId).IsAllowed);

        escalation.Opened("123", "https://desk.example/cases/123", Now.AddMinutes(1));

        Assert.Equal(EscalationStatus.Open, escalation.Status);
        var told = Assert.IsType<ThreadEscalated>(Assert.Single(escalation.TakeDomainEvents()));
        Assert.Equal(7, told.ThreadId);
        Assert.Contains("case #123", ThreadEscalation.MayEscalateAgain(escalation.Status, escalation.CaseId).Reason, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => escalation.Retry(With(Roles.Staff), Now));

        Assert.True(escalation.Solved(Now.AddDays(1)));
        Assert.False(escalation.Solved(Now.AddDays(2)));
        Assert.Equal(Now.AddDays(1), escalation.SolvedAt);
        Assert.True(ThreadEscalation.MayEscalateAgain(escalation.Status, escalation.CaseId).IsAllowed);
    }

    [Fact]
    public void Only_an_open_case_can_be_solved() =>
        Assert.Throws<DomainException>(() => ThreadEscalation.Start(7, With(Roles.Staff), "{}", Now).Solved(Now));

    [Fact]
    public void A_moderator_cannot_retry_a_failed_escalation() =>
        Assert.Throws<ForbiddenException>(() => ThreadEscalation.Start(7, With(Roles.Staff), "{}", Now).Retry(With(Roles.Moderator), Now));

    [Fact]
    public void Backoff_doubles_from_the_first_delay_and_stops_at_thirty_minutes()
    {
        var first = TimeSpan.FromSeconds(30);

        Assert.Equal(
            [30, 60, 120, 240, 480, 960, 1800, 1800],
            Enumerable.Range(1, 8).Select(n => ThreadEscalation.Backoff(n, first).TotalSeconds));
    }

    [Theory]
    [InlineData("https://acme.zendesk.com", true)]
    [InlineData("http://127.0.0.1:9000/cases", true)]
    [InlineData("ftp://desk.example/", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("javascript:alert(1)", false)]
    public void A_desk_is_an_http_or_https_address(string url, bool accepted)
    {
        Assert.Equal(accepted, SupportDesk.IsDeskAddress(new Uri(url)));
        if (!accepted)
        {
            Assert.Throws<DomainException>(() => SupportDesk.Connect(AdminId, new Uri(url), DeskFormat.Generic, null, new string('s', 64), Now));
        }
    }

    [Fact]
    public void The_authorization_value_is_kept_unless_replaced_or_cleared_and_only_its_end_is_hinted()
    {
        var desk = SupportDesk.Connect(AdminId, new Uri("https://acme.zendesk.com"), DeskFormat.Zendesk, "Basic abcdefghijklmnop", new string('s', 64), Now);
        Assert.Equal("\u2026mnop", SupportDesk.HintOf(desk.Authorization));

        desk.Change(AdminId, new Uri("https://acme.zendesk.com"), DeskFormat.Zendesk, "  ", clearAuthorization: false, Now);
        Assert.Equal("Basic abcdefghijklmnop", desk.Authorization);

        desk.Change(AdminId, new Uri("https://acme.zendesk.com"), DeskFormat.Zendesk, null, clearAuthorization: true, Now);
        Assert.Null(desk.Authorization);
        Assert.Throws<DomainException>(() => desk.Change(AdminId, new Uri("https://acme.zendesk.com"), DeskFormat.Zendesk, "Bearer a\r\nX-Evil: 1", clearAuthorization: false, Now));
        Assert.Throws<DomainException>(() => desk.ReplaceSecret(AdminId, "short", Now));
    }
}

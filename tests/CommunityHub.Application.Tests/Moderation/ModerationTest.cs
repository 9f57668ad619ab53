using CommunityHub.Application.Moderation;
using CommunityHub.Application.Threads;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Moderation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Moderation;

/// <summary>Helpers for the staff and moderation use cases: people with real roles (in Identity, as the
/// role checks on targets read them), and a thread with a reply to act on.</summary>
public abstract class ModerationTest(CommunityFixture fixture) : ApplicationTest(fixture)
{
    /// <summary>Registers a member, gives them <paramref name="roles"/> in Identity (the base class does), and acts as them.</summary>
    protected Task<Guid> RunAsNewAsync(string displayName, params string[] roles) => RunAsNewMemberAsync(displayName, roles);

    protected void RunAs(Guid memberId, params string[] roles) => Fixture.CurrentUser.ActAs(memberId, [Roles.Member, .. roles]);

    protected sealed record Conversation(StartThread.Result Thread, Guid AliceId, long OpeningId, Guid BrunoId, long ReplyId);

    /// <summary>Alice asks in "questions", Bruno replies. Acts as Bruno afterwards.</summary>
    protected async Task<Conversation> AConversationAsync()
    {
        if (!await QueryAsync(db => db.Spaces.AnyAsync(s => s.Slug == "questions")))
        {
            await CreateSpaceAsync();
        }

        var alice = await RunAsNewAsync("Alice");
        var thread = await SendAsync(new StartThread.Command { SpaceSlug = "questions", Title = "How do I export?", Body = "Where is the export?", SubmissionId = Guid.NewGuid() });
        var bruno = await RunAsNewAsync("Bruno");
        var reply = await SendAsync(Reply(thread, "Under the Export menu."));
        var opening = await QueryAsync(db => db.Posts.Where(p => p.ThreadId == thread.ThreadId && p.IsOpeningPost).Select(p => p.Id).SingleAsync());
        return new Conversation(thread, alice, opening, bruno, reply.PostId);
    }

    protected static ReplyToThread.Command Reply(StartThread.Result thread, string body = "A reply.", bool staffNote = false) =>
        new() { SpaceSlug = thread.SpaceSlug, ThreadId = thread.ThreadId, Body = body, SubmissionId = Guid.NewGuid(), IsStaffNote = staffNote };

    protected Task<GetThread.ThreadPage> ReadThreadAsync(StartThread.Result thread) => SendAsync(new GetThread.Query(thread.ThreadId));

    protected Task<List<ModerationEntry>> AuditLogAsync() => QueryAsync(db => db.ModerationLog.OrderBy(e => e.Id).ToListAsync());

    /// <summary>Flags the post as whoever acts now, and returns the flag's id (handed out by the database on saving).</summary>
    protected async Task<long> FlagAsync(long postId, string reason)
    {
        var reporter = Fixture.CurrentUser.MemberId;
        await SendAsync(new FlagPost.Command { PostId = postId, Reason = reason });
        return await QueryAsync(db => db.Flags.Where(f => f.PostId == postId && f.ReporterId == reporter).Select(f => f.Id).SingleAsync());
    }

    protected static string[] RolesFrom(string? role) => role is null ? [] : [role];
}

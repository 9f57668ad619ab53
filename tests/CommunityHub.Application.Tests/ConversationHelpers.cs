using CommunityHub.Application.Threads;

namespace CommunityHub.Application.Tests;

/// <summary>Starting threads and replying as the current member, for the conversation features' tests.</summary>
public abstract class ConversationTest(CommunityFixture fixture) : ApplicationTest(fixture)
{
    protected async Task<long> StartThreadAsync(string title = "How do I export?", string body = "Where is the export menu?", string space = "questions") =>
        (await SendAsync(new StartThread.Command { SpaceSlug = space, Title = title, Body = body, SubmissionId = Guid.NewGuid() })).ThreadId;

    protected async Task<long> ReplyAsync(long threadId, string body = "Like this.", long? inReplyTo = null, string space = "questions") =>
        (await SendAsync(new ReplyToThread.Command { SpaceSlug = space, ThreadId = threadId, Body = body, InReplyToPostId = inReplyTo, SubmissionId = Guid.NewGuid() })).PostId;

    protected Task MarkStaffNoteAsync(long postId) => ExecuteSqlAsync($"UPDATE posts SET is_staff_note = true WHERE id = {postId}");

    protected Task HideAsync(long postId) => ExecuteSqlAsync($"UPDATE posts SET hidden_at = now(), hidden_reason = 'Off topic' WHERE id = {postId}");

    /// <summary>A member whose stored account holds the role, for code that judges someone else (a notification's
    /// recipient) by their roles; RunAsNewMemberAsync grants them in the account too.</summary>
    protected Task<Guid> NewMemberWithRoleAsync(string displayName, string role) => RunAsNewMemberAsync(displayName, role);

    protected Task ConfirmEmailOfAsync(Guid memberId) => ExecuteSqlAsync($"UPDATE users SET email_confirmed = true WHERE id = {memberId}");
}

using CommunityHub.Application.Moderation;
using CommunityHub.Domain.Moderation;

namespace CommunityHub.Web.Moderation;

/// <summary>The audit log's actions in words people use.</summary>
public static class ModerationWords
{
    public static string Describe(ModerationAction action) => action switch
    {
        ModerationAction.PinThread => "Pinned a thread",
        ModerationAction.UnpinThread => "Unpinned a thread",
        ModerationAction.LockThread => "Locked a thread",
        ModerationAction.UnlockThread => "Unlocked a thread",
        ModerationAction.CloseThread => "Closed a thread",
        ModerationAction.ReopenThread => "Reopened a thread",
        ModerationAction.MoveThread => "Moved a thread",
        ModerationAction.HidePost => "Hid a post",
        ModerationAction.RestorePost => "Restored a post",
        ModerationAction.EditPost => "Edited someone's post",
        ModerationAction.DismissFlag => "Dismissed a flag",
        ModerationAction.WarnMember => "Warned a member",
        ModerationAction.SuspendMember => "Suspended a member",
        ModerationAction.BanMember => "Banned a member",
        ModerationAction.ReinstateMember => "Reinstated a member",
        ModerationAction.ChangeRoles => "Changed roles",
        ModerationAction.CreateSpace => "Created a space",
        ModerationAction.EditSpace => "Edited a space",
        ModerationAction.ReorderSpaces => "Reordered the spaces",
        ModerationAction.EditValues => "Rewrote the values page",
        ModerationAction.CalibrateTieModel => "Calibrated the tie model",
        ModerationAction.CreateOrganisation => "Created an organisation",
        ModerationAction.AssignOrganisation => "Set a member's organisation",
        ModerationAction.CreateInvite => "Made an invite link",
        ModerationAction.RevokeInvite => "Withdrew an invite link",
        ModerationAction.LockTrust => "Locked a member's trust level",
        ModerationAction.UnlockTrust => "Unlocked a member's trust level",
        ModerationAction.ApprovePost => "Approved a post",
        ModerationAction.RejectPost => "Rejected a post",
        ModerationAction.HidePostOnLeadersFlag => "A Leader's flag hid a post",
        ModerationAction.EditContentFilter => "Changed the content filter",
        ModerationAction.RetitleThread => "Changed a thread's title",
        ModerationAction.RemoveAvatar => "Removed a member's picture",
        ModerationAction.ConnectSupportDesk => "Connected the support desk",
        ModerationAction.EditSupportDesk => "Changed the support desk connection",
        ModerationAction.AddWebhook => "Added a webhook endpoint",
        ModerationAction.EditWebhook => "Changed a webhook endpoint",
        ModerationAction.DeleteWebhook => "Deleted a webhook endpoint",
        ModerationAction.CreateServiceToken => "Made a service token",
        ModerationAction.RevokeApiToken => "Revoked an API token",
        _ => action.ToString(),
    };

    /// <summary>The same actions as the member they concern reads them.</summary>
    public static string DescribeForMember(ModerationAction action) => action switch
    {
        ModerationAction.HidePost => "A moderator hid one of your posts",
        ModerationAction.RestorePost => "A moderator restored one of your posts",
        ModerationAction.EditPost => "A moderator edited one of your posts",
        ModerationAction.WarnMember => "A moderator warned you",
        ModerationAction.SuspendMember => "A moderator suspended you from posting",
        ModerationAction.BanMember => "A moderator banned you from posting",
        ModerationAction.ReinstateMember => "A moderator reinstated you",
        ModerationAction.ChangeRoles => "Your roles changed",
        ModerationAction.ApprovePost => "A moderator approved one of your posts",
        ModerationAction.RejectPost => "A moderator did not approve one of your posts",
        ModerationAction.RetitleThread => "Someone changed the title of your thread",
        ModerationAction.RemoveAvatar => "A moderator removed your picture",
        _ => Describe(action),
    };

    public static string Describe(SanctionMember.Sanction sanction) => sanction switch
    {
        SanctionMember.Sanction.Warn => "Warn",
        SanctionMember.Sanction.Suspend => "Suspend",
        SanctionMember.Sanction.Ban => "Ban",
        _ => "Reinstate",
    };
}

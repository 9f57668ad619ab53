namespace CommunityHub.Domain.Moderation;

/// <summary>Everything that lands in the audit log. Stored by name, so the order here may change.</summary>
public enum ModerationAction
{
    PinThread,
    UnpinThread,
    LockThread,
    UnlockThread,
    CloseThread,
    ReopenThread,
    MoveThread,
    HidePost,
    RestorePost,
    EditPost,
    DismissFlag,
    WarnMember,
    SuspendMember,
    BanMember,
    ReinstateMember,
    ChangeRoles,
    CreateSpace,
    EditSpace,
    ReorderSpaces,
    EditValues,
    PurgeMember,

    /// <summary>An admin ran the tie model's calibration (the detail says whether the fit was adopted).</summary>
    CalibrateTieModel,

    /// <summary>An admin created a customer organisation (with its e-mail domains).</summary>
    CreateOrganisation,

    /// <summary>An admin put a member in an organisation, or took them out.</summary>
    AssignOrganisation,

    /// <summary>An admin created a member group, renamed it, or changed who is in it.</summary>
    CreateGroup,
    EditGroup,
    AddToGroup,
    RemoveFromGroup,

    /// <summary>An admin restricted a space to groups, or opened it to everyone again.</summary>
    RestrictSpace,

    /// <summary>An admin made an invite link, or withdrew one (issue 14: registration gates).</summary>
    CreateInvite,
    RevokeInvite,
    /// <summary>An admin defined or changed a tag or a tag group.</summary>
    DefineTag,
    /// <summary>A moderator fixed a member's trust level, or let it follow what they do again.</summary>
    LockTrust,
    UnlockTrust,

    /// <summary>A moderator published a post held for approval, or rejected it (the reason goes to its author).</summary>
    ApprovePost,
    RejectPost,

    /// <summary>A Leader's flag hid a post at once, pending a moderator's review.</summary>
    HidePostOnLeadersFlag,

    /// <summary>An admin added or removed a watched word or a link rule.</summary>
    EditContentFilter,

    /// <summary>Someone other than its starter (a Leader, staff or a moderator) changed a thread's title.</summary>
    RetitleThread,
    /// <summary>A moderator took down a member's picture (issue 18: avatars).</summary>
    RemoveAvatar,

    /// <summary>An admin connected the support desk, changed the connection, or replaced its signing secret (issue 17).</summary>
    ConnectSupportDesk,
    EditSupportDesk,

    /// <summary>An admin added, changed or deleted a webhook endpoint (issue 17).</summary>
    AddWebhook,
    EditWebhook,
    DeleteWebhook,

    /// <summary>An admin made a service token (and its bot), or someone revoked a service token or another member's token.</summary>
    CreateServiceToken,
    RevokeApiToken,
}

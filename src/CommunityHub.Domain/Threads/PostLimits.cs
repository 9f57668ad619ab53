namespace CommunityHub.Domain.Threads;

public static class PostLimits
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 50_000;

    /// <summary>A moderator's reason, shown to the author of a hidden post.</summary>
    public const int ModerationReasonMaxLength = 500;

    /// <summary>Why a post waits for approval, as the rules and the filter explained it.</summary>
    public const int ApprovalNoteMaxLength = 2000;
}

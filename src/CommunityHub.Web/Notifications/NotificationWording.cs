using CommunityHub.Domain.Notifications;

namespace CommunityHub.Web.Notifications;

/// <summary>The words for each kind, shared by the notifications page, the settings page and the e-mails.</summary>
public static class NotificationWording
{
    /// <summary>What the actor did, to follow their name: "Bruno Costa replied to your thread".</summary>
    public static string Verb(NotificationKind kind) => kind switch
    {
        NotificationKind.ReplyToYourThread => "replied to your thread",
        NotificationKind.ReplyToYourPost => "replied to your post in",
        NotificationKind.ReplyInWatchedThread => "replied in",
        NotificationKind.ThreadInWatchedSpace => "started a thread",
        NotificationKind.ThreadInWatchedTag => "started a thread with a tag you watch:",
        NotificationKind.Mention => "mentioned you in",
        NotificationKind.AnswerAccepted => "accepted your reply as the answer in",
        NotificationKind.HelpedMe => "marked your post \u201cthis helped me\u201d in",
        NotificationKind.ModeratorAction => "moderated your post in",
        NotificationKind.AskedForHelp => "asked whether you could help with",
        NotificationKind.IdeaStatusChanged => "gave a new status to the idea",
        NotificationKind.TakenUpBySupport => "took your question to the company's support team:",
        _ => "did something in",
    };

    /// <summary>The name of the kind on the settings page.</summary>
    public static string Label(NotificationKind kind) => kind switch
    {
        NotificationKind.ReplyToYourThread => "Replies to threads you started",
        NotificationKind.ReplyToYourPost => "Replies to your posts",
        NotificationKind.ReplyInWatchedThread => "New replies in threads you watch",
        NotificationKind.ThreadInWatchedSpace => "New threads in spaces you watch",
        NotificationKind.ThreadInWatchedTag => "New threads with tags you watch",
        NotificationKind.Mention => "Someone mentions you",
        NotificationKind.AnswerAccepted => "Your reply is accepted as the answer",
        NotificationKind.HelpedMe => "Someone marks your post \u201cthis helped me\u201d",
        NotificationKind.ModeratorAction => "A moderator acts on your post",
        NotificationKind.AskedForHelp => "Someone of the company asks you to help with a question",
        NotificationKind.IdeaStatusChanged => "The company changes the status of an idea you voted for or watch",
        NotificationKind.TakenUpBySupport => "The company takes your question to its support team",
        _ => kind.ToString(),
    };

    public static string ChannelLabel(NotificationChannel channel) => channel switch
    {
        NotificationChannel.None => "Not at all",
        NotificationChannel.InApp => "In the app",
        NotificationChannel.InAppAndEmail => "In the app and by e-mail",
        _ => channel.ToString(),
    };
}

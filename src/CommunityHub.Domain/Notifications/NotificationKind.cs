namespace CommunityHub.Domain.Notifications;

/// <summary>What a notification tells its recipient. Stored as text, so adding a kind never renumbers the others.</summary>
public enum NotificationKind
{
    /// <summary>Someone replied to a thread the recipient started.</summary>
    ReplyToYourThread,

    /// <summary>Someone replied directly to one of the recipient's posts.</summary>
    ReplyToYourPost,

    /// <summary>A new reply in a thread the recipient watches.</summary>
    ReplyInWatchedThread,

    /// <summary>A new thread in a space the recipient watches.</summary>
    ThreadInWatchedSpace,

    /// <summary>Someone @mentioned the recipient (sent by the mentions feature).</summary>
    Mention,

    /// <summary>The recipient's reply was accepted as the answer.</summary>
    AnswerAccepted,

    /// <summary>Someone marked the recipient's post "this helped me".</summary>
    HelpedMe,

    /// <summary>A moderator acted on the recipient's post (hid, restored, edited, moved it).</summary>
    ModeratorAction,

    /// <summary>Someone of the company asked the recipient to help with an unanswered thread.</summary>
    AskedForHelp,

    /// <summary>A new thread carrying a tag the recipient watches (in a space they do not watch).</summary>
    ThreadInWatchedTag,

    /// <summary>The company changed the status of an idea the recipient voted for, started or watches.</summary>
    IdeaStatusChanged,

    /// <summary>The company took the recipient's question up with its support team (escalated to the desk).</summary>
    TakenUpBySupport,
}

/// <summary>How a member wants to hear about one kind of notification.</summary>
public enum NotificationChannel
{
    /// <summary>Not at all.</summary>
    None,

    /// <summary>On the notifications page and in the header count.</summary>
    InApp,

    /// <summary>In the app and by e-mail.</summary>
    InAppAndEmail,
}

public static class NotificationDefaults
{
    /// <summary>What a member who never chose gets: everything in the app; e-mail only for what is addressed to them personally.</summary>
    public static NotificationChannel ChannelFor(NotificationKind kind) => kind switch
    {
        NotificationKind.ReplyToYourPost or NotificationKind.Mention or NotificationKind.AnswerAccepted or NotificationKind.AskedForHelp => NotificationChannel.InAppAndEmail,
        _ => NotificationChannel.InApp,
    };

    /// <summary>When one post would tell the same member several things, the most personal one wins
    /// (lower is more personal), so nobody is notified twice of one reply.</summary>
    public static int Precedence(NotificationKind kind) => kind switch
    {
        NotificationKind.Mention => 0,
        NotificationKind.ReplyToYourPost => 1,
        NotificationKind.ReplyToYourThread => 2,
        NotificationKind.ReplyInWatchedThread => 3,
        NotificationKind.ThreadInWatchedSpace => 4,
        NotificationKind.ThreadInWatchedTag => 4,
        _ => 5,
    };
}

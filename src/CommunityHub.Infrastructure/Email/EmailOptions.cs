namespace CommunityHub.Infrastructure.Email;

/// <summary>How e-mail leaves the community (section "Email"). By default it is written as .eml files into
/// <see cref="PickupDirectory"/>, so a newcomer can open them; set <see cref="Delivery"/> to Smtp to send.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>"Pickup" (write .eml files) or "Smtp".</summary>
    public string Delivery { get; set; } = "Pickup";

    /// <summary>The sender, e.g. <c>Community &lt;community@example.com&gt;</c>.</summary>
    public string From { get; set; } = "CommunityHub <community@localhost>";

    /// <summary>Where Pickup writes; relative paths are under the app's working directory.</summary>
    public string PickupDirectory { get; set; } = "mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Whether this instance sends queued e-mail in the background (any number of instances may).</summary>
    public bool DispatchEnabled { get; set; } = true;

    /// <summary>How often the sender looks for due e-mail when the queue was empty.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed message is held by one sender before another may try it (the first may have died).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 587;

    /// <summary>"StartTls", "SslOnConnect", "StartTlsWhenAvailable" or "None".</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }

    public string? Password { get; set; }
}

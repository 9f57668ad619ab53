namespace CommunityHub.Testing;

/// <summary>A test set for "similar threads while asking": threads as a community would hold them (a title and the
/// question's first words), and for each a title someone else might type for the same question, in other words.
/// Written by hand: paraphrases change word forms (exporting/export), swap synonyms (remove/delete, bill/invoice),
/// reorder, and add or drop words, as people do; a few share almost no word with the original (the hard cases).
/// Scored by recall@5 (the original among the five shown) and MRR (1 / its rank).</summary>
public static class SimilarTitles
{
    public sealed record Paraphrased(string Title, string Question, string Paraphrase);

    public static IReadOnlyList<Paraphrased> Cases { get; } =
    [
        new("How do I export a report as CSV with filters applied?", "When I export a report to CSV the filters are ignored and I get every row.", "Exporting filtered report data to a CSV file"),
        new("API rate limits for bulk imports", "We import 200k records a night through the API and get 429 responses.", "Getting 429 too many requests when importing lots of records"),
        new("Single sign-on with Okta: users land on the wrong workspace", "After enabling SSO through Okta some users land in a personal workspace.", "Okta SSO sends people to their personal workspace"),
        new("Why was my discount code rejected?", "The checkout rejected our renewal discount code three times.", "Renewal coupon not accepted at checkout"),
        new("Dark mode for the dashboard", "Our operations team works night shifts and would love a dark theme.", "Is there a dark theme for dashboards?"),
        new("Schedule reports in another time zone", "Scheduled reports always go out in our account's time zone.", "Scheduled report arrives at the wrong time for clients abroad"),
        new("How to delete a workspace permanently", "I want to remove an old workspace and all its data for good.", "Remove a workspace and all of its data"),
        new("Change the billing e-mail address on invoices", "Invoices go to a colleague who left; how do I change the address?", "Invoices sent to the wrong email address"),
        new("Two-factor authentication codes not accepted", "The authenticator app codes are always rejected when I sign in.", "2FA code rejected at sign in"),
        new("Webhook deliveries failing with timeouts", "Our endpoint receives webhooks but the deliveries show as timed out.", "Webhooks time out although our server answers"),
        new("Add a teammate without giving admin rights", "I want a colleague to see dashboards but not change settings.", "Invite a colleague with read only access"),
        new("Dashboard loads slowly with many widgets", "A dashboard with 40 widgets takes a minute to load.", "Slow dashboard performance with lots of charts"),
        new("Import contacts from a spreadsheet", "Is there a way to bring our contacts in from an Excel file?", "Upload contacts from Excel"),
        new("Cancel my subscription at the end of the term", "We want to stop renewing but keep access until the term ends.", "How do I stop automatic renewal of the plan"),
        new("Chart colours are hard to tell apart", "Colour-blind colleagues can't distinguish the series in line charts.", "Colour blind friendly palette for charts"),
        new("Mobile app crashes when opening a report", "On Android the app closes as soon as I open any report.", "Android app closes when I open reports"),
        new("Password reset e-mail never arrives", "I requested a reset link several times but nothing comes.", "Not receiving the reset password email"),
        new("Merge duplicate customer records", "The same customer appears three times after an import.", "Combine duplicated customers after import"),
        new("Set up a custom domain for the portal", "We want the customer portal on portal.example.com.", "Use our own domain name for the customer portal"),
        new("Export all data before closing the account", "Before we leave we need a full copy of our data.", "Download everything before deleting our account"),
        new("Translate the portal into German", "Our customers in Germany would like the portal in German.", "German language support for the portal"),
        new("Round numbers in pivot tables", "Pivot tables show twelve decimals; can they be rounded?", "Too many decimal places in pivot table"),
        new("Share a dashboard with someone outside the company", "A client without an account should see one dashboard.", "Give an external client access to one dashboard"),
        new("Sync calendar events with Google Calendar", "Can deadlines show up in our Google calendars?", "Google Calendar integration for deadlines"),
        new("Audit log of who changed a setting", "Someone changed the retention setting and we can't tell who.", "See which user modified a setting"),
        new("Bulk edit the owner of many records", "We need to reassign 3,000 records to a new account manager.", "Reassign lots of records to another owner at once"),
        new("Emails from the app land in spam", "Notification e-mails end up in our users' spam folders.", "Notifications going to junk folder"),
        new("Limit which IP addresses can sign in", "Security wants sign-in allowed only from our office network.", "Restrict login to our office IP range"),
        new("Print a report on one page", "Printing a report splits it over five pages.", "Fit a report onto a single printed page"),
        new("Undo an accidental deletion of a dashboard", "I deleted a dashboard by mistake this morning.", "Restore a dashboard I removed by accident"),
    ];

    /// <summary>Threads about other things, in the same words a community uses, so that a paraphrase has to win
    /// against near misses: titles built from the cases' own vocabulary, shuffled.</summary>
    public static IEnumerable<string> Distractors(int count)
    {
        string[] subjects = ["report", "dashboard", "workspace", "invoice", "API", "import", "export", "sign-in", "chart", "webhook", "calendar", "portal", "record", "customer", "password"];
        string[] asks = ["Question about the {0} settings", "Feedback on the new {0} page", "Is the {0} feature available on the free plan?", "Where is the {0} documentation?",
            "Tips for organising {0} permissions", "Changelog entry about {0}", "Training session on {0} next week", "Naming conventions for {0}"];
        var random = new Random(15);
        for (var i = 0; i < count; i++)
        {
            yield return string.Format(System.Globalization.CultureInfo.InvariantCulture, asks[random.Next(asks.Length)], subjects[random.Next(subjects.Length)]) + $" ({i})";
        }
    }

    /// <summary>recall@5 and MRR over the cases, given each case's ranked results (the original's index among them).</summary>
    public static (double RecallAt5, double Mrr) Score(IEnumerable<int?> rankOfOriginal)
    {
        var ranks = rankOfOriginal.ToList();
        return (ranks.Count(r => r is < 5) / (double)ranks.Count, ranks.Sum(r => r is { } k ? 1.0 / (k + 1) : 0) / ranks.Count);
    }
}

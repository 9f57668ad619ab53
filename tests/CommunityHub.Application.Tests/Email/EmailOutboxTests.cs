using CommunityHub.Application.Members;
using CommunityHub.Domain.Email;
using CommunityHub.Infrastructure.Email;
using CommunityHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CommunityHub.Application.Tests.Email;

public sealed class EmailOutboxTests(CommunityFixture fixture) : ConversationTest(fixture), IDisposable
{
    private readonly DirectoryInfo _pickup = Directory.CreateTempSubdirectory("communityhub-mail-");

    public void Dispose() => _pickup.Delete(recursive: true);

    private async Task<int> DispatchAsync(IEmailTransport? transport = null)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var options = Options.Create(new EmailOptions { PickupDirectory = _pickup.FullName, From = "Community <community@example.com>" });
        var dispatcher = new EmailDispatcher(
            scope.ServiceProvider.GetRequiredService<CommunityDbContext>(),
            transport ?? new PickupDirectoryTransport(options),
            options,
            Fixture.Clock,
            NullLogger<EmailDispatcher>.Instance);
        return await dispatcher.DispatchDueAsync(CancellationToken.None);
    }

    private MimeMessage[] PickedUp() => _pickup.GetFiles("*.eml").Select(f => MimeMessage.Load(f.FullName)).ToArray();

    [Fact]
    public async Task Registering_queues_a_confirmation_email_that_lands_in_the_pickup_folder_and_its_link_confirms_the_address()
    {
        var alice = await RunAsNewMemberAsync("Alice");

        Assert.Equal(1, await DispatchAsync());
        var message = Assert.Single(PickedUp());
        Assert.Equal("Confirm your e-mail address for CommunityHub", message.Subject);
        Assert.StartsWith("alice.", ((MailboxAddress)message.To[0]).Address, StringComparison.Ordinal);
        var link = message.TextBody!.Split('\n').Single(l => l.Contains("/account/confirm-email?", StringComparison.Ordinal)).Trim();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        Assert.Equal(alice.ToString(), query["member"]);

        Assert.False(await SendAsync(new ConfirmEmail.Command(alice, "not-the-code")));
        Assert.True(await SendAsync(new ConfirmEmail.Command(alice, query["code"]!)));
        Assert.True(await QueryAsync(db => db.Users.Where(u => u.Id == alice).Select(u => u.EmailConfirmed).SingleAsync()));
        Assert.Equal(0, await DispatchAsync()); // sent once
    }

    [Fact]
    public async Task An_unconfirmed_member_can_ask_for_the_confirmation_email_again_and_a_confirmed_one_gets_none()
    {
        var alice = await RunAsNewMemberAsync("Alice");
        await DispatchAsync();

        Assert.True(await SendAsync(new ResendEmailConfirmation.Command()));
        await ConfirmEmailOfAsync(alice);
        Assert.False(await SendAsync(new ResendEmailConfirmation.Command()));
        RunAsAnonymous();
        await Assert.ThrowsAsync<Common.Exceptions.NotSignedInException>(() => SendAsync(new ResendEmailConfirmation.Command()));

        Assert.Equal(1, await DispatchAsync());
        Assert.Equal(2, PickedUp().Count(m => m.Subject!.StartsWith("Confirm your e-mail address", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_password_reset_goes_through_the_outbox_and_reveals_nothing_for_an_unknown_address()
    {
        await RunAsNewMemberAsync("Alice");
        await DispatchAsync();
        var email = await QueryAsync(db => db.Users.Select(u => u.Email!).SingleAsync());
        RunAsAnonymous();

        await SendAsync(new RequestPasswordReset.Command { Email = "nobody@example.com" });
        Assert.Equal(0, await DispatchAsync());
        await SendAsync(new RequestPasswordReset.Command { Email = email });
        Assert.Equal(1, await DispatchAsync());

        var message = PickedUp().Single(m => m.Subject!.Contains("Reset", StringComparison.Ordinal));
        var link = message.TextBody!.Split('\n').Single(l => l.Contains("/account/reset-password?", StringComparison.Ordinal)).Trim();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => SendAsync(new ResetPassword.Command { Email = email, Code = "forged", Password = "a brand new password" }));
        await SendAsync(new ResetPassword.Command { Email = query["email"]!, Code = query["code"]!, Password = "a brand new password" });
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => SendAsync(new ResetPassword.Command { Email = email, Code = query["code"]!, Password = "yet another password" }));
    }

    [Fact]
    public async Task A_failed_send_keeps_the_message_and_retries_it_later_until_it_goes()
    {
        await RunAsNewMemberAsync("Alice");
        var failing = new FlakyTransport(failures: 2);

        Assert.Equal(1, await DispatchAsync(failing));
        var afterFirst = await QueryAsync(db => db.Emails.AsNoTracking().SingleAsync());
        Assert.Equal((1, (DateTimeOffset?)null, "SMTP server said no"), (afterFirst.Attempts, afterFirst.SentAt, afterFirst.LastError));
        Assert.Equal(0, await DispatchAsync(failing)); // not due yet: backing off

        Fixture.Clock.Advance(QueuedEmail.Backoff(1));
        Assert.Equal(1, await DispatchAsync(failing));
        Fixture.Clock.Advance(QueuedEmail.Backoff(2));
        Assert.Equal(1, await DispatchAsync(failing));

        var sent = await QueryAsync(db => db.Emails.AsNoTracking().SingleAsync());
        Assert.Equal(3, sent.Attempts);
        Assert.NotNull(sent.SentAt);
        Assert.Equal(1, failing.Delivered);
    }

    [Fact]
    public async Task After_the_last_attempt_a_message_is_marked_failed_and_kept()
    {
        await RunAsNewMemberAsync("Alice");
        var failing = new FlakyTransport(failures: int.MaxValue);
        for (var attempt = 1; attempt <= QueuedEmail.MaxAttempts; attempt++)
        {
            Assert.Equal(1, await DispatchAsync(failing));
            Fixture.Clock.Advance(QueuedEmail.Backoff(attempt));
        }

        Assert.Equal(0, await DispatchAsync(failing));
        var kept = await QueryAsync(db => db.Emails.AsNoTracking().SingleAsync());
        Assert.NotNull(kept.FailedAt);
        Assert.Equal(QueuedEmail.MaxAttempts, kept.Attempts);
    }

    [Fact]
    public async Task Several_senders_at_once_never_send_a_message_twice()
    {
        for (var i = 0; i < 30; i++)
        {
            await RunAsNewMemberAsync($"Member {i}");
        }

        var transport = new FlakyTransport(failures: 0, delay: TimeSpan.FromMilliseconds(5));
        var claimed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => DispatchAsync(transport))));
        while (await DispatchAsync(transport) > 0)
        {
        }

        Assert.Equal(30, transport.Delivered);
        Assert.Equal(30, transport.To.Count);
        Assert.Equal(30, transport.To.Distinct().Count());
        Assert.True(claimed.Sum() <= 30);
    }

    private sealed class FlakyTransport(int failures, TimeSpan delay = default) : IEmailTransport
    {
        private int _calls;
        private int _delivered;

        public int Delivered => _delivered;

        public System.Collections.Concurrent.ConcurrentBag<string> To { get; } = [];

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            if (Interlocked.Increment(ref _calls) <= failures)
            {
                throw new InvalidOperationException("SMTP server said no");
            }

            Interlocked.Increment(ref _delivered);
            To.Add(((MailboxAddress)message.To[0]).Address);
        }
    }
}

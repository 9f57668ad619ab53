using CommunityHub.Application.Tests.Moderation;
using CommunityHub.Application.Trust;
using CommunityHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application.Tests.Trust;

/// <summary>The trust rules as the community ships them (the fixture relaxes them for every other test), put back
/// to relaxed when the test ends.</summary>
public abstract class TrustTest(CommunityFixture fixture) : ModerationTest(fixture), IDisposable
{
    protected IDisposable ShippedTrustRules()
    {
        foreach (var (key, value) in TrustSettings.Defaults)
        {
            Fixture.Configuration[key] = value;
        }

        return this;
    }

    public void Dispose()
    {
        foreach (var (key, value) in TrustSettings.Relaxed)
        {
            Fixture.Configuration[key] = value;
        }

        // The filter's rules are held in memory across tests of this lane; the next test's tables are empty.
        Fixture.Services.GetRequiredService<ContentFilterRules>().Forget();

        GC.SuppressFinalize(this);
    }
}

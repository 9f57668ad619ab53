using CommunityHub.Application.Members;
using CommunityHub.Domain.Members;
using CommunityHub.Domain.Spaces;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Application.Tests;

/// <summary>Base for use-case tests: a database of the class's own (classes run in parallel), clean before each
/// test, a clock of the test's own, and helpers that read like the feature.</summary>
public abstract class ApplicationTest(CommunityFixture fixture) : IClassFixture<CommunityFixture>, IAsyncLifetime
{
    protected CommunityFixture Fixture { get; } = fixture;

    public Task InitializeAsync() => Fixture.BeginTestAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Sends a request through the whole pipeline in its own scope, as one web request would.</summary>
    protected async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    protected async Task<T> QueryAsync<T>(Func<CommunityDbContext, Task<T>> query)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CommunityDbContext>());
    }

    protected async Task ExecuteSqlAsync(FormattableString sql)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CommunityDbContext>().Database.ExecuteSqlAsync(sql);
    }

    /// <summary>Registers a member through the real use case and acts as them from now on.</summary>
    protected async Task<Guid> RunAsNewMemberAsync(string displayName, params string[] roles)
    {
        Fixture.CurrentUser.ActAsAnonymous();
        var email = $"{displayName.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@example.com";
        var id = await SendAsync(new RegisterMember.Command { DisplayName = displayName, Email = email, Password = "correct horse battery" });
        if (roles.Length > 0)
        {
            // Granted in the accounts too, for the use cases that ask who holds a role (not who is asking).
            await using var scope = Fixture.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CommunityUser>>();
            var user = await users.FindByIdAsync(id.ToString());
            Assert.True((await users.AddToRolesAsync(user!, roles.Where(r => r != Roles.Member))).Succeeded);
        }

        Fixture.CurrentUser.ActAs(id, [Roles.Member, .. roles]);
        return id;
    }

    protected void RunAs(Guid memberId) => Fixture.CurrentUser.ActAs(memberId, Roles.Member);

    protected void RunAsAnonymous() => Fixture.CurrentUser.ActAsAnonymous();

    /// <summary>Spaces are created by admins in a later feature; until then tests insert them.</summary>
    protected async Task<Space> CreateSpaceAsync(string slug = "questions", string name = "Questions", int position = 1)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var space = Space.Create(name, slug, $"Purpose of {name}.", position);
        db.Spaces.Add(space);
        await db.SaveChangesAsync();
        return space;
    }
}

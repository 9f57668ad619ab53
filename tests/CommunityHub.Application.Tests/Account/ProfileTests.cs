using CommunityHub.Application.Account;
using CommunityHub.Application.Members;
using CommunityHub.Application.Common.Exceptions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Tests.Account;

public sealed class ProfileTests(CommunityFixture fixture) : ApplicationTest(fixture)
{
    private static UpdateProfile.Command Profile(string handle, string name = "Alice Chen", string? zone = null) =>
        new() { DisplayName = name, Handle = handle, TimeZone = zone };

    [Fact]
    public async Task A_new_handle_keeps_the_old_one_leading_to_the_member()
    {
        await RunAsNewMemberAsync("Alice");

        await SendAsync(Profile("alice-chen"));

        Assert.Equal("alice-chen", await SendAsync(new FindMemberByFormerHandle.Query("alice")));
        Assert.Null(await SendAsync(new FindMemberByFormerHandle.Query("nobody")));
    }

    [Fact]
    public async Task A_member_takes_back_their_own_former_handle()
    {
        await RunAsNewMemberAsync("Alice");
        await SendAsync(Profile("alice-chen"));

        await SendAsync(Profile("alice"));

        Assert.Equal("alice", await QueryAsync(db => db.Members.Select(m => m.Handle).SingleAsync()));
        Assert.Equal(["alice-chen"], await QueryAsync(db => db.FormerHandles.Select(f => f.Handle).ToListAsync()));
    }

    [Fact]
    public async Task Nobody_else_gets_a_former_handle_neither_by_choice_nor_by_registering()
    {
        await RunAsNewMemberAsync("Alice");
        await SendAsync(Profile("alice-chen"));

        await RunAsNewMemberAsync("Bruno");
        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(Profile("alice", "Bruno")));
        Assert.Contains(refused.Errors, e => e.PropertyName == "Handle" && e.ErrorMessage.Contains("taken", StringComparison.Ordinal));

        var another = await RunAsNewMemberAsync("Alice");
        Assert.Equal("alice-2", await QueryAsync(db => db.Members.Where(m => m.Id == another).Select(m => m.Handle).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_and_a_known_one_kept()
    {
        await RunAsNewMemberAsync("Alice");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(Profile("alice", zone: "Europe/Atlantis")));
        Assert.Contains(refused.Errors, e => e.PropertyName == "TimeZone");
        Assert.Null(await QueryAsync(db => db.Members.Select(m => m.TimeZone).SingleAsync()));

        await SendAsync(Profile("alice", zone: "America/Sao_Paulo"));
        Assert.Equal("America/Sao_Paulo", await QueryAsync(db => db.Members.Select(m => m.TimeZone).SingleAsync()));
    }

    [Fact]
    public async Task The_data_download_holds_the_account_section()
    {
        await RunAsNewMemberAsync("Alice");
        await SendAsync(new UpdateProfile.Command { DisplayName = "Alice", Handle = "alice-chen", Bio = "Finance", Website = "https://alice.example", TimeZone = "Europe/Paris" });

        using var output = new MemoryStream();
        await SendAsync(new DownloadMyData.Query(output));

        using var json = System.Text.Json.JsonDocument.Parse(output.ToArray());
        var account = json.RootElement.GetProperty("account");
        Assert.Equal("Finance", account.GetProperty("bio").GetString());
        Assert.Equal("Europe/Paris", account.GetProperty("timeZone").GetString());
        Assert.Equal("alice", account.GetProperty("formerHandles")[0].GetProperty("handle").GetString());
        Assert.False(account.GetProperty("twoFactorEnabled").GetBoolean());
    }

    [Fact]
    public async Task A_former_member_cannot_change_their_profile()
    {
        var alice = await RunAsNewMemberAsync("Alice");
        await ExecuteSqlAsync($"UPDATE members SET former_at = now() WHERE id = {alice}");

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(Profile("alice-again")));
        Assert.Equal("alice", await QueryAsync(db => db.Members.Select(m => m.Handle).SingleAsync()));
    }
}

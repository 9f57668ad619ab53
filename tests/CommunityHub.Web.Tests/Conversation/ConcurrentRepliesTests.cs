using System.Net;
using CommunityHub.Application.Maintenance;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHub.Web.Tests.Conversation;

/// <summary>The tie store is the product's core: it must be right while members write at once, not only after a repair.</summary>
public sealed class ConcurrentRepliesTests(WebFixture fixture) : WebTest(fixture)
{
    private const int Rounds = 3;
    private const int RepliesPerMember = 4;

    [Fact]
    public async Task Members_replying_at_once_while_the_starter_answers_leave_no_drift_round_after_round()
    {
        await CreateSpaceAsync();
        var starter = await NewMemberAsync("Starter");
        var thread = await StartThreadAsync(starter);
        List<HttpClient> members = [starter];
        for (var i = 0; i < 5; i++)
        {
            members.Add(await NewMemberAsync($"Member {i}"));
        }

        for (var round = 0; round < Rounds; round++)
        {
            // The starter's reply to the thread answers "the latest post by someone else", which the others keep
            // writing at that very moment: the case that drifted before the thread's lock ordered the replies.
            var answered = await Task.WhenAll(members.Select(async (member, index) =>
            {
                var statuses = new List<HttpStatusCode>();
                for (var i = 0; i < RepliesPerMember; i++)
                {
                    using var reply = await ReplyAsync(member, thread, $"Round {round}, member {index}, reply {i}");
                    statuses.Add(reply.StatusCode);
                }

                return statuses;
            }));

            Assert.All(answered.SelectMany(s => s), status => Assert.Equal(HttpStatusCode.Redirect, status));
            Assert.Equal((round + 1) * members.Count * RepliesPerMember, await ReplyCountAsync());
            await using var scope = Fixture.App.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CheckConsistency.Query());
            Assert.True(report.IsConsistent, $"Round {round}: " + string.Join("; ", report.Examples.Take(5).Select(d => $"{d.Kind} of {d.Subject}: {d.Stored} stored, {d.Expected} expected")));
        }
    }
}

using CommunityHub.Application.Members;
using CommunityHub.Application.Moderation;
using CommunityHub.Domain.ApiTokens;
using MediatR;

namespace CommunityHub.Web.Api;

/// <summary>Members: the public part of a profile by handle (never ties, contacts or the help ledger: relationship data
/// stays on the member's own pages), and, for an admin token, a lookup by e-mail address.</summary>
public static class MembersApi
{
    public sealed record PublicProfile(string Handle, string DisplayName, string Badge, string? Title, DateTimeOffset JoinedAt, int Posts, int ThreadsStarted);

    public sealed record AccountMatch(Guid MemberId, string DisplayName, string Email, bool EmailConfirmed, IReadOnlyList<string> Roles);

    public static void MapMembers(this RouteGroupBuilder api)
    {
        api.MapGet("/members/{handle}", async (string handle, IMediator mediator, HttpContext http) =>
        {
            var p = await mediator.Send(new GetProfile.Query(handle), http.RequestAborted);
            return ApiProblems.Read(new PublicProfile(p.Handle, p.DisplayName, p.Badge.ToString().ToLowerInvariant(), p.Title, p.JoinedAt, p.Posts, p.ThreadsStarted));
        }).RequireScope(ApiScopes.Read).WithSummary("A member's public profile").Produces<PublicProfile>();

        api.MapGet("/members", async (string? email, IMediator mediator, HttpContext http) =>
        {
            if (string.IsNullOrWhiteSpace(email))
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid request", "Give the address to look up: ?email=…",
                    new Dictionary<string, string[]> { ["email"] = ["Give the address to look up."] });
            }

            // The moderators' member search, narrowed to the exact address asked for.
            var found = await mediator.Send(new FindMembers.Query(email.Trim()), http.RequestAborted);
            var match = found.FirstOrDefault(m => string.Equals(m.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
            return match is null
                ? ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found", "No member has that address.")
                : ApiProblems.Read(new AccountMatch(match.MemberId, match.DisplayName, match.Email, match.EmailConfirmed, match.Roles));
        }).RequireScope(ApiScopes.Admin).WithSummary("Admin: find a member by e-mail address (?email=)").Produces<AccountMatch>();
    }
}

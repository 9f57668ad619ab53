using System.Globalization;
using CommunityHub.Application.Members;
using CommunityHub.Infrastructure.Identity;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Account;

/// <summary>A member's own data: download all of it as JSON (GET /account/data/download), or delete the account.</summary>
[Authorize]
public sealed class DataModel(IMediator mediator, SignInManager<CommunityUser> signIn, TimeProvider clock) : PageModel
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public DeleteAccount.Command Input { get; set; } = new();

    public void OnGet()
    {
    }

    /// <summary>Streams the JSON straight into the response (nothing is built in memory first).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var day = clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Response.ContentType = "application/json; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"communityhub-my-data-{day}.json\"";
        Response.Headers.CacheControl = "no-store";
        await mediator.Send(new DownloadMyData.Query(Response.Body), cancellationToken);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        await signIn.SignOutAsync();
        TempData["Notice"] = "Your account is deleted and you are signed out. Your posts show as by “former member”. You are welcome back any time, with the same address if you like.";
        return RedirectToPage("/Index");
    }
}

using CommunityHub.Application.Account;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Members;
using CommunityHub.Application.Ties;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Members;

public sealed class ShowModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public string Handle { get; set; } = string.Empty;

    public GetProfile.Profile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Profile = await mediator.Send(new GetProfile.Query(Handle), cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            // A handle given up keeps leading to its member (old links and @mentions).
            if (await mediator.Send(new FindMemberByFormerHandle.Query(Handle), cancellationToken) is { } current)
            {
                return RedirectToPagePermanent("/Members/Show", new { handle = current });
            }

            throw;
        }
    }

    /// <summary>The reader ignores this member (issue 14); a moderator or staff member cannot be ignored, said on the page.</summary>
    public async Task<IActionResult> OnPostIgnoreAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var done = await mediator.Send(new IgnoreMember.Command { MemberId = memberId }, cancellationToken);
        return RedirectToPage(new { handle = done.Handle });
    }

    public async Task<IActionResult> OnPostStopIgnoringAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var done = await mediator.Send(new StopIgnoringMember.Command { MemberId = memberId }, cancellationToken);
        return RedirectToPage(new { handle = done.Handle });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Profile = await mediator.Send(new GetProfile.Query(Handle), cancellationToken);

    /// <summary>The member answers the question about one of their ties, or skips it (no rating).</summary>
    public async Task<IActionResult> OnPostTieQuestionAsync(string about, int? rating, CancellationToken cancellationToken)
    {
        await mediator.Send(new AnswerTieQuestion.Command(about, rating), cancellationToken);
        return RedirectToPage(new { Handle });
    }

    /// <summary>The member lets the company's people ask them for help with unanswered threads, or not.</summary>
    public async Task<IActionResult> OnPostAsksForHelpAsync(bool allow, CancellationToken cancellationToken)
    {
        await mediator.Send(new AllowAsksForHelp.Command(allow), cancellationToken);
        return RedirectToPage(new { Handle });
    }

    /// <summary>The member switches the occasional question on or off.</summary>
    public async Task<IActionResult> OnPostTieQuestionsAsync(bool answer, CancellationToken cancellationToken)
    {
        await mediator.Send(new ChooseTieQuestions.Command(answer), cancellationToken);
        return RedirectToPage(new { Handle });
    }

    /// <summary>The member shows or stops showing "people I often talk with" (their own choice; forged for anyone else it changes only the sender's).</summary>
    public async Task<IActionResult> OnPostFrequentContactsAsync(bool show, CancellationToken cancellationToken)
    {
        await mediator.Send(new ShowFrequentContacts.Command(show), cancellationToken);
        return RedirectToPage(new { Handle });
    }
}

using CommunityHub.Application.Administration;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>Creating a space (/admin/spaces/new) and editing one (/admin/spaces/{id}/edit) share one form.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class SpaceFormModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public int? Id { get; set; }

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public EditSpace.Command Input { get; set; } = new();

    public bool IsNew => Id is null;

    /// <summary>What is saved now, shown when the form comes back (after another admin's save, above all).</summary>
    public EditSpace.Command? Saved { get; private set; }

    /// <summary>Whether the space being edited is an Ideas space (its own small form).</summary>
    public bool IsIdeas { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Input = await mediator.Send(new EditSpace.Query(id), cancellationToken);
            IsIdeas = (await mediator.Send(new Application.Spaces.GetSpaceSummary.Query(Input.Slug), cancellationToken)).IsIdeas;
        }
    }

    public async Task<IActionResult> OnPostIdeasAsync(bool ideas, CancellationToken cancellationToken)
    {
        await mediator.Send(new Application.Ideas.MakeIdeasSpace.Command { SpaceId = Id ?? 0, Ideas = ideas }, cancellationToken);
        return RedirectToPage("/Admin/Spaces");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Input.SpaceId = id;
            await mediator.Send(Input, cancellationToken);
        }
        else
        {
            await mediator.Send(new CreateSpace.Command { Name = Input.Name, Slug = Input.Slug, Purpose = Input.Purpose }, cancellationToken);
        }

        return RedirectToPage("/Admin/Spaces");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (Id is not { } id)
        {
            return;
        }

        Saved = await mediator.Send(new EditSpace.Query(id), cancellationToken);
        // After a conflict the form shows what is saved now; saving again deliberately replaces it.
        ModelState.Remove($"{UseCaseOutcomeFilter.FormPrefix}.{nameof(Input.Version)}");
        Input.Version = Saved.Version;
    }
}

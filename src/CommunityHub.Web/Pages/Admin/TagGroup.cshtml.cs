using CommunityHub.Application.Tags;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>A tag group's form (/admin/tags/groups/new, /admin/tags/groups/{id}): its name, description and the
/// spaces that require one of its tags.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class TagGroupModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [FromRoute]
    public int? Id { get; set; }

    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public DefineTagGroup.Command Input { get; set; } = new();

    public GetTagCatalogue.Catalogue Catalogue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (Id is { } id)
        {
            var group = Catalogue.Groups.FirstOrDefault(g => g.Id == id && id != 0);
            if (group is null)
            {
                return NotFound();
            }

            Input = new DefineTagGroup.Command { GroupId = id, Name = group.Name, Description = group.Description, RequiredInSpaceIds = [.. group.RequiredIn] };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.GroupId = Id;
        await mediator.Send(Input, cancellationToken);
        return RedirectToPage("/Admin/Tags");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Catalogue = await mediator.Send(new GetTagCatalogue.AdminQuery(), cancellationToken);
}

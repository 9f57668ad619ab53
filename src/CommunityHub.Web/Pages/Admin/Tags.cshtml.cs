using CommunityHub.Application.Tags;
using CommunityHub.Domain.Members;
using CommunityHub.Web.Forms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityHub.Web.Pages.Admin;

/// <summary>Tags (/admin/tags): every tag by group, and a form to define one. The use cases check the power again.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class TagsModel(IMediator mediator) : PageModel, IReloadOnInvalidPost
{
    [BindProperty(Name = UseCaseOutcomeFilter.FormPrefix)]
    public DefineTag.Command Input { get; set; } = new();

    public GetTagCatalogue.Catalogue Catalogue { get; private set; } = null!;

    [TempData]
    public string? Defined { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.TagId = null;
        Defined = await mediator.Send(Input, cancellationToken);
        return RedirectToPage("/Admin/Tags");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Catalogue = await mediator.Send(new GetTagCatalogue.AdminQuery(), cancellationToken);
}

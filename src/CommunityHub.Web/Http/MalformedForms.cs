using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommunityHub.Web.Http;

/// <summary>A form value that cannot be what its field holds (<c>Input.RememberMe=abc</c> for a checkbox, a
/// number or an id that is not one) is refused with a 400 before the page's handler runs, so nothing is saved
/// with the field's default in its place (a staff note posted as a public reply), and the page is never
/// re-rendered around a value its checkbox cannot show (which threw, a 500).</summary>
/// <remarks>No form of ours produces such a value: checkboxes send <c>true</c>/<c>false</c>, ids and versions
/// are hidden fields, dates come from date pickers. Only the failures of values sent in the form body count; a
/// malformed query value (<c>?before=abc</c>) is ignored as pages ignore it on GET.</remarks>
public static class MalformedForms
{
    internal static readonly object Marker = new();

    /// <summary>Watches every binder of a simple value (bool, number, Guid, date, enum) MVC hands out.</summary>
    public static void WatchFormValues(this MvcOptions options)
    {
        for (var i = 0; i < options.ModelBinderProviders.Count; i++)
        {
            options.ModelBinderProviders[i] = new WatchingProvider(options.ModelBinderProviders[i]);
        }

        options.Filters.Add<MalformedFormFilter>();
    }

    /// <summary>The first field of this request's form whose value could not be bound, if any.</summary>
    public static string? MalformedFormField(this HttpContext context) =>
        context.Items.TryGetValue(Marker, out var field) ? field as string : null;

    private sealed class WatchingProvider(IModelBinderProvider inner) : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var binder = inner.GetBinder(context);
            return binder is null || context.Metadata.IsComplexType || context.Metadata.ModelType == typeof(string)
                ? binder
                : new WatchingBinder(binder);
        }
    }

    private sealed class WatchingBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (!bindingContext.Result.IsModelSet
                && bindingContext.ModelState.TryGetValue(bindingContext.ModelName, out var entry)
                && entry.Errors.Count > 0
                && IsFormValue(bindingContext))
            {
                bindingContext.HttpContext.Items.TryAdd(Marker, bindingContext.ModelName);
            }
        }

        private static bool IsFormValue(ModelBindingContext bindingContext)
        {
            var request = bindingContext.HttpContext.Request;
            return request.HasFormContentType && request.Form.ContainsKey(bindingContext.ModelName);
        }
    }
}

/// <summary>Answers 400 (the error page: "That request did not make sense") instead of running the handler.</summary>
public sealed class MalformedFormFilter(ILogger<MalformedFormFilter> logger) : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.MalformedFormField() is { } field
            && !context.HandlerInstance.GetType().IsDefined(typeof(ShowsMalformedValuesOnTheFormAttribute), inherit: true))
        {
            // Once: the error page that shows the 400 runs in the same request.
            context.HttpContext.Items.Remove(MalformedForms.Marker);
            logger.LogInformation("{Page} refused a malformed value of {Field}; answered 400", context.ActionDescriptor.DisplayName, field);
            context.Result = new BadRequestResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}

/// <summary>On a page that checks <c>ModelState</c> itself and says on the form what was wrong (the notification
/// settings: "Choose one of the offered options"), a malformed value is left to the page instead of a 400.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class ShowsMalformedValuesOnTheFormAttribute : Attribute;

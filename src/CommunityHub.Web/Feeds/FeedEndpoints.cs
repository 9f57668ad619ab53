using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Feeds;
using MediatR;

namespace CommunityHub.Web.Feeds;

/// <summary>RSS 2.0 and Atom 1.0 for the community, each space and each thread, written by
/// System.ServiceModel.Syndication (it escapes titles and wraps HTML content as the formats require).</summary>
public static class FeedEndpoints
{
    public const string AtomType = "application/atom+xml; charset=utf-8";
    public const string RssType = "application/rss+xml; charset=utf-8";

    public static void MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feed.{format:regex(^(atom|rss)$)}", (string format, HttpContext http, IMediator mediator) =>
            Write(http, mediator, new GetFeed.Query(), format));
        app.MapGet("/s/{slug}/feed.{format:regex(^(atom|rss)$)}", (string slug, string format, HttpContext http, IMediator mediator) =>
            Write(http, mediator, new GetFeed.Query(slug), format));
        app.MapGet("/s/{slug}/t/{id:long}/feed.{format:regex(^(atom|rss)$)}", (string slug, long id, string format, HttpContext http, IMediator mediator) =>
            Write(http, mediator, new GetFeed.Query(slug, id), format));
    }

    private static async Task<IResult> Write(HttpContext http, IMediator mediator, GetFeed.Query query, string format)
    {
        GetFeed.Feed feed;
        try
        {
            feed = await mediator.Send(query, http.RequestAborted);
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }

        var origin = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        var atom = format == "atom";
        var syndication = new SyndicationFeed(XmlSafe(feed.Title), XmlSafe(feed.Description), new Uri(origin, feed.PagePath.TrimStart('/')))
        {
            Id = feed.Id,
            LastUpdatedTime = feed.Updated,
            Generator = "CommunityHub",
            Items = feed.Entries.Select(e =>
            {
                var link = new Uri(origin, e.PagePath.TrimStart('/'));
                var item = new SyndicationItem(XmlSafe(e.Title), new TextSyndicationContent(XmlSafe(e.ContentHtml), TextSyndicationContentKind.Html), link, e.Id, e.Updated)
                {
                    PublishDate = e.Published,
                };
                // RSS wants an e-mail address in <author>; a name alone goes in as a contributor-free "name" element.
                item.Authors.Add(new SyndicationPerson { Name = XmlSafe(e.AuthorName) });
                return item;
            }).ToList(),
        };
        syndication.Links.Add(new SyndicationLink(new Uri(origin, feed.FeedPath.TrimStart('/') + (atom ? ".atom" : ".rss")), "self", XmlSafe(feed.Title), atom ? "application/atom+xml" : "application/rss+xml", 0));

        var output = new MemoryStream();
        await using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true, Indent = true }))
        {
            if (atom)
            {
                new Atom10FeedFormatter(syndication).WriteTo(writer);
            }
            else
            {
                new Rss20FeedFormatter(syndication, serializeExtensionsAsAtom: true).WriteTo(writer);
            }
        }

        return Results.Bytes(output.ToArray(), atom ? AtomType : RssType);
    }

    /// <summary>XML cannot carry some characters an HTML page can (a post's <c>&amp;#14;</c> renders as U+000E):
    /// the feed shows U+FFFD in their place instead of failing for everyone.</summary>
    private static string XmlSafe(string text)
    {
        if (!text.Any(c => c < ' ' || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF'))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else
            {
                safe.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }

        return safe.ToString();
    }
}

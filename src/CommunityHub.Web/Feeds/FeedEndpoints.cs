using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Feeds;
using CommunityHub.Web.Links;
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
        // "?key=…" makes it a member's private feed (what they may see); without it a feed is what anyone may see.
        app.MapGet("/feed.{format:regex(^(atom|rss)$)}", (string format, string? key, HttpContext http, IMediator mediator, CommunityLinks links) =>
            Write(http, mediator, links, new GetFeed.Query(Key: key), format)).WithName(FeedNames.Community);
        app.MapGet("/s/{slug}/feed.{format:regex(^(atom|rss)$)}", (string slug, string format, string? key, HttpContext http, IMediator mediator, CommunityLinks links) =>
            Write(http, mediator, links, new GetFeed.Query(slug, Key: key), format)).WithName(FeedNames.Space);
        app.MapGet("/s/{slug}/t/{id:long}/feed.{format:regex(^(atom|rss)$)}", (string slug, long id, string format, string? key, HttpContext http, IMediator mediator, CommunityLinks links) =>
            Write(http, mediator, links, new GetFeed.Query(slug, id, key), format)).WithName(FeedNames.Thread);
        app.MapGet("/tags/{tag}/feed.{format:regex(^(atom|rss)$)}", (string tag, string format, string? key, HttpContext http, IMediator mediator, CommunityLinks links) =>
            Write(http, mediator, links, new GetFeed.Query(Key: key, Tag: tag), format)).WithName(FeedNames.Tag);
    }

    private static async Task<IResult> Write(HttpContext http, IMediator mediator, CommunityLinks links, GetFeed.Query query, string format)
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

        // Links where the reader asked (the host they used), in the shapes the pages answer on.
        var origin = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        var atom = format == "atom";
        var syndication = new SyndicationFeed(XmlSafe(feed.Title), XmlSafe(feed.Description), new Uri(origin, feed.Tag is { } tagPage ? links.Tag(tagPage) : links.FeedPage(feed.SpaceSlug, feed.ThreadId)))
        {
            Id = feed.Id,
            LastUpdatedTime = feed.Updated,
            Generator = "CommunityHub",
            Items = feed.Entries.Select(e =>
            {
                var link = new Uri(origin, links.Post(e.SpaceSlug, e.ThreadId, e.PostId));
                var item = new SyndicationItem(XmlSafe(e.Title), new TextSyndicationContent(XmlSafe(e.ContentHtml), TextSyndicationContentKind.Html), link, e.Id, e.Updated)
                {
                    PublishDate = e.Published,
                };
                // RSS wants an e-mail address in <author>; a name alone goes in as a contributor-free "name" element.
                item.Authors.Add(new SyndicationPerson { Name = XmlSafe(e.AuthorName) });
                return item;
            }).ToList(),
        };
        syndication.Links.Add(new SyndicationLink(new Uri(origin, feed.Tag is { } tagFeed ? links.TagFeed(format, tagFeed, query.Key) : links.Feed(format, feed.SpaceSlug, feed.ThreadId, query.Key)), "self", XmlSafe(feed.Title), atom ? "application/atom+xml" : "application/rss+xml", 0));

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

        if (query.Key is not null)
        {
            // A private feed is nobody else's: no shared cache keeps it, and its address is not sent on as a referrer.
            http.Response.Headers.CacheControl = "private, no-store";
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

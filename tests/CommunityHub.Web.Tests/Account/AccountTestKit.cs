using AngleSharp.Dom;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityHub.Web.Tests.Account;

/// <summary>What the account tests need besides forms: a copy of someone's sign-in cookie, and an authenticator app.</summary>
internal static class AccountTestKit
{
    public const string AuthCookie = "communityhub.auth";

    /// <summary>Signs in with the password and returns the sign-in cookie the server set (as a thief would copy it).</summary>
    public static async Task<string> SignInAndCopyCookieAsync(HttpClient client, string email, string password)
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync("/account/sign-in"));
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        using var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return CookieFrom(response);
    }

    public static string CookieFrom(HttpResponseMessage response)
    {
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
        return setCookie.Split(';')[0][(AuthCookie.Length + 1)..];
    }

    /// <summary>Another browser holding only that cookie.</summary>
    public static HttpClient WithCookie(CommunityWebFactory app, string cookie)
    {
        var thief = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", $"{AuthCookie}={cookie}");
        return thief;
    }

    public static async Task<bool> IsSignedInAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/account");
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>An authenticator app: RFC 6238 (SHA-1, 30-second steps, 6 digits) on a base32 key.</summary>
    public static string Totp(string base32Key, DateTimeOffset at, int stepOffset = 0)
    {
        var key = Base32(base32Key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        var counter = (at.ToUnixTimeSeconds() / 30) + stepOffset;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

#pragma warning disable CA5350 // TOTP is defined on HMAC-SHA1 (RFC 6238's default, and what Identity uses).
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}

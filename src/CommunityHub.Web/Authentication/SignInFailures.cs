using System.Net.Sockets;
using CommunityHub.Web.Links;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CommunityHub.Web.Authentication;

/// <summary>Why a sign-in with a provider failed, in words for the person (never the exception's text), with a log
/// line for the operator that keeps the technical reason.</summary>
public static class SignInFailures
{
    public const string State = "state";
    public const string Code = "code";
    public const string Token = "token";
    public const string Unreachable = "unreachable";
    public const string Denied = "denied";
    public const string Expired = "expired";
    public const string Unknown = "unknown";

    public static string Describe(string? reason, string provider) => reason switch
    {
        State => $"The answer from {provider} did not belong to a sign-in started here (its state was missing, altered or used already), so it was refused. Nothing was changed. Start again from the sign-in page.",
        Code => $"{provider} refused to confirm this sign-in: its one-time code had expired or had been used already. Nothing was changed. Start again from the sign-in page.",
        Token => $"{provider} answered with a token that is not meant for this community (or could not be verified), so it was refused. Nothing was changed. If this keeps happening, tell the community's administrators.",
        Unreachable => $"We could not reach {provider} just now. It may be down or slow. Nothing was changed; try again in a few minutes, or sign in another way.",
        Denied => $"{provider} did not let you sign in (you may have cancelled). Nothing was changed.",
        Expired => "This sign-in took too long and has expired. Nothing was changed. Start again from the sign-in page.",
        _ => $"Signing in with {provider} did not work. Nothing was changed. Try again, or sign in another way.",
    };

    public static string Classify(Exception? failure) => failure switch
    {
        null => Unknown,
        SecurityTokenException => Token,
        HttpRequestException or SocketException or TaskCanceledException or IOException => Unreachable,
        OpenIdConnectProtocolException protocol when protocol.Message.Contains("invalid_grant", StringComparison.Ordinal) => Code,
        OpenIdConnectProtocolException protocol when protocol.Message.Contains("access_denied", StringComparison.Ordinal) => Denied,
        OpenIdConnectProtocolException protocol when protocol.Message.Contains("IDX21", StringComparison.Ordinal) => Token,
        _ when failure.Message.Contains("Correlation failed", StringComparison.Ordinal)
            || failure.Message.Contains("message.State", StringComparison.Ordinal)
            || failure.Message.Contains("state was missing", StringComparison.OrdinalIgnoreCase) => State,
        _ when failure.InnerException is not null => Classify(failure.InnerException) is var inner && inner != Unknown ? inner : Unknown,
        _ when failure.Message.Contains("IDX20803", StringComparison.Ordinal) || failure.Message.Contains("IDX20804", StringComparison.Ordinal) => Unreachable,
        _ => Unknown,
    };

    public static Task OnRemoteFailureAsync(RemoteFailureContext context, string provider)
    {
        var reason = Classify(context.Failure);
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInFailures))
            .LogWarning(context.Failure, "Sign-in with {Provider} failed ({Reason})", provider, reason);
        context.Response.Redirect(context.HttpContext.RequestServices.GetRequiredService<CommunityLinks>().SignInFailed(provider, reason));
        context.HandleResponse();
        return Task.CompletedTask;
    }
}

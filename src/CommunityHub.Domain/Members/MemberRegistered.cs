using CommunityHub.Domain.Common;

namespace CommunityHub.Domain.Members;

/// <summary>How a person made their account: the registration form, or a first sign-in with a single sign-on provider.</summary>
public enum RegistrationMethod
{
    Password = 1,
    SingleSignOn = 2,
}

/// <summary>A person joined the community (issue 17: the <c>member.registered</c> webhook), recorded when the account is
/// made, before any e-mail confirmation, as Discourse's <c>user_created</c> is. It carries the public profile as it was
/// then and how they came: <paramref name="Provider"/> names the single sign-on provider, <paramref name="ViaInvite"/>
/// says an invite link let them in. Never the e-mail address: that is the member's, not the receivers'. Rows that are
/// not a person joining (service bots, the demo and the tie evaluation) are made by <see cref="Member.Join"/> and record
/// nothing.</summary>
public sealed record MemberRegistered(
    Guid MemberId,
    string DisplayName,
    string Handle,
    DateTimeOffset JoinedAt,
    RegistrationMethod Method,
    string? Provider,
    bool ViaInvite) : IDomainEvent;

using System.Text.Json;
using CommunityHub.Application.Common.Abstractions;
using CommunityHub.Application.Common.Exceptions;
using CommunityHub.Application.Common.Messaging;
using CommunityHub.Domain.Escalation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CommunityHub.Application.Escalation;

/// <summary>The desk calls back (generic format) to say a case was solved or closed. Only a message signed with the
/// desk's secret and fresh (<see cref="DeskSignature"/>) is believed; anything else changes nothing.</summary>
public static class RecordDeskUpdate
{
    /// <param name="Body">The request body exactly as received (the signature covers its bytes).</param>
    public sealed record Command(string? Timestamp, string? Signature, string Body) : ICommand<Outcome>;

    /// <param name="Changed">False when the desk told us again what we knew.</param>
    public sealed record Outcome(string CaseId, bool Changed);

    /// <summary>The body the desk sends: <c>{"caseId": "123", "status": "solved"}</c>.</summary>
    public sealed record Update(string? CaseId, string? Status);

    public sealed class Handler(ICommunityDb db, TimeProvider clock) : IRequestHandler<Command, Outcome>
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip };

        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var secret = await db.SupportDesks.AsNoTracking().Select(d => d.SigningSecret).FirstOrDefaultAsync(cancellationToken);
            var refused = secret is null ? "no desk is connected" : DeskSignature.Check(secret, request.Timestamp, request.Signature, request.Body, now);
            if (refused is not null)
            {
                throw new DeskSignatureException(refused);
            }

            Update? update;
            try
            {
                update = JsonSerializer.Deserialize<Update>(request.Body, Json);
            }
            catch (JsonException)
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("body", "The body must be JSON: {\"caseId\": \"…\", \"status\": \"solved\"}.")]);
            }

            if (string.IsNullOrWhiteSpace(update?.CaseId) || update.Status is not ("solved" or "closed"))
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("status", "Send a caseId and a status of \"solved\" or \"closed\".")]);
            }

            var escalation = await db.Escalations
                .Where(e => e.CaseId == update.CaseId && (e.Status == EscalationStatus.Open || e.Status == EscalationStatus.Solved))
                .OrderByDescending(e => e.Id)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Case", update.CaseId);
            return new Outcome(update.CaseId, escalation.Solved(now));
        }
    }
}

/// <summary>A callback that is not signed with the desk's secret, or not recently: refused with 401, logged, nothing changed.</summary>
public sealed class DeskSignatureException : Exception
{
    public DeskSignatureException() { }

    public DeskSignatureException(string reason) : base(reason) { }

    public DeskSignatureException(string message, Exception innerException) : base(message, innerException) { }
}

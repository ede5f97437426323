namespace NinetyNine.Web.Features.Outbox;

/// <summary>Delivers one email. Throws when it could not; the dispatcher records the failure and tries again later.</summary>
public interface IEmailSender
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

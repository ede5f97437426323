using NinetyNine.Web.Data;

namespace NinetyNine.Web.Features.Outbox;

/// <summary>Puts an email in the outbox as part of the caller's unit of work; the <see cref="OutboxDispatcher"/> sends it later.</summary>
public sealed class EmailOutbox
{
    /// <summary>
    /// Adds <paramref name="message"/> to <paramref name="db"/> without saving: the caller's <c>SaveChangesAsync</c> stores it
    /// together with the change it reports (a decision and its email commit or fail as one).
    /// </summary>
    public void Queue(NinetyNineDb db, OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        if (message.IsSent)
        {
            throw new ArgumentException("Only an unsent email can be queued.", nameof(message));
        }

        db.OutboxMessages.Add(message);
    }
}

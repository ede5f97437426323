using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Features.Outbox;

/// <summary>
/// One email waiting to be sent, or sent: queued in the same save as the change it reports (so a decision and its
/// email are stored together or not at all), then delivered by the <see cref="OutboxDispatcher"/>. A log, not an aggregate.
/// </summary>
public sealed class OutboxMessage
{
    public const int ToMaxLength = EmailAddress.MaxLength;
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 20_000;
    public const int CultureMaxLength = 10;
    public const int LastErrorMaxLength = 1000;

    private OutboxMessage() { }

    public Guid Id { get; private set; }
    public NetworkId NetworkId { get; private set; }

    /// <summary>The application the email is about, when it is about one (the dossier lists it).</summary>
    public ApplicationId? ApplicationId { get; private set; }

    public string To { get; private set; } = string.Empty;
    public string Subject { get; private set; } = string.Empty;

    /// <summary>Plain text.</summary>
    public string Body { get; private set; } = string.Empty;

    /// <summary>The language the email is written in (<c>nl</c>, <c>en</c>).</summary>
    public string Culture { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Failed delivery attempts so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>Why the last attempt failed (capped at <see cref="LastErrorMaxLength"/>); cleared once sent.</summary>
    public string? LastError { get; private set; }

    public bool IsSent => SentAt is not null;

    public static OutboxMessage Create(NetworkId networkId, ApplicationId? applicationId, string to, string subject, string body, string culture, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(culture);
        if (subject.Length > SubjectMaxLength || subject.Contains('\n', StringComparison.Ordinal) || subject.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A subject is one line of at most {SubjectMaxLength} characters.", nameof(subject));
        }

        if (body.Length > BodyMaxLength)
        {
            throw new ArgumentException($"A body has at most {BodyMaxLength} characters.", nameof(body));
        }

        if (culture.Length > CultureMaxLength)
        {
            throw new ArgumentException($"A culture name has at most {CultureMaxLength} characters.", nameof(culture));
        }

        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            NetworkId = networkId,
            ApplicationId = applicationId,
            To = EmailAddress.Parse(to).Value,
            Subject = subject,
            Body = body,
            Culture = culture,
            CreatedAt = now,
        };
    }

    public void MarkSent(DateTimeOffset at)
    {
        SentAt = at;
        LastError = null;
    }

    public void MarkFailed(string error)
    {
        Attempts++;
        var text = string.IsNullOrWhiteSpace(error) ? "Unknown error" : error.Trim();
        LastError = text.Length <= LastErrorMaxLength ? text : text[..(LastErrorMaxLength - 1)] + "…";
    }
}

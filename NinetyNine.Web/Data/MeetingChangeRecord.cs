using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Data;

/// <summary>
/// One accepted live change of a meeting, as it was broadcast: lets a client that missed messages
/// catch up, and makes a resent operation (same id) harmless. A log, not an aggregate.
/// </summary>
public sealed class MeetingChangeRecord
{
    private MeetingChangeRecord() { }

    public MeetingChangeRecord(MeetingId meetingId, long sequence, Guid operationId, string payload, DateTimeOffset at)
    {
        MeetingId = meetingId;
        Sequence = sequence;
        OperationId = operationId;
        Payload = payload;
        At = at;
    }

    public long Id { get; private set; }
    public MeetingId MeetingId { get; private set; }
    public long Sequence { get; private set; }
    public Guid OperationId { get; private set; }

    /// <summary>The change as JSON, exactly as sent to clients.</summary>
    public string Payload { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }
}

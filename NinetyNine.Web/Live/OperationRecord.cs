namespace NinetyNine.Web.Live;

/// <summary>
/// One accepted operation on a live aggregate (a board, a checklist), saved in the same transaction as the change
/// itself: its sequence number orders the aggregate's changes for every client, its operation id makes a resent command
/// harmless, and its payload (the change as published) lets a client that fell behind catch up. A log, not an aggregate.
/// </summary>
public sealed class OperationRecord
{
    public const int AggregateTypeMaxLength = 32;
    public const int OperationMaxLength = 48;

    private OperationRecord() { }

    public OperationRecord(string aggregateType, Guid aggregateId, long sequence, Guid operationId, string operation, string payload, DateTimeOffset at)
    {
        AggregateType = aggregateType;
        AggregateId = aggregateId;
        Sequence = sequence;
        OperationId = operationId;
        Operation = operation;
        Payload = payload;
        At = at;
    }

    public long Id { get; private set; }
    public string AggregateType { get; private set; } = string.Empty;
    public Guid AggregateId { get; private set; }
    public long Sequence { get; private set; }
    public Guid OperationId { get; private set; }

    /// <summary>The intent's name (MoveCard, Tick, ...), for reading the log.</summary>
    public string Operation { get; private set; } = string.Empty;

    /// <summary>The change as JSON, exactly as published.</summary>
    public string Payload { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }
}

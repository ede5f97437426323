using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Features.Meetings.Live;

/// <summary>
/// The client side of operational transform for one notes field (the same states as wwwroot/js/notes.js): in sync with
/// the server; one edit in flight awaiting its acknowledgement; or one in flight and the typing since buffered as one
/// operation. Edits from others arrive in revision order and are transformed against what is in flight and buffered,
/// so this person's typing stays where they put it. Not thread-safe: its owner serialises calls.
/// </summary>
public sealed class NotesClient(long revision, string text)
{
    /// <summary>The server revision this client has seen last.</summary>
    public long Revision { get; private set; } = revision;

    /// <summary>The notes at <see cref="Revision"/>, as the server has them.</summary>
    public string ServerText { get; private set; } = text;

    /// <summary>What this person sees: the server's text with their pending typing.</summary>
    public string Text { get; private set; } = text;

    public Guid? InFlightId { get; private set; }

    public TextOperation? InFlight { get; private set; }

    public TextOperation? Buffer { get; private set; }

    /// <summary>The last edit was refused: what is pending waits for the person's next keystroke.</summary>
    public bool Blocked { get; private set; }

    public bool Pending => InFlight is not null || Buffer is not null;

    /// <summary>
    /// The person's field now shows <paramref name="newText"/> (with the caret at <paramref name="caret"/>, when known):
    /// returns the edit to send, if one may go now.
    /// </summary>
    public NotesOutgoing? Edit(string newText, int? caret = null)
    {
        ArgumentNullException.ThrowIfNull(newText);
        var operation = TextOperation.Replace(Text, newText, caret);
        if (operation.IsNoop)
        {
            return null;
        }

        Text = newText;
        Blocked = false;
        Buffer = Buffer is null ? operation : Buffer.Compose(operation);
        return Flush();
    }

    /// <summary>
    /// The server applied an edit: ours (acknowledged: returns the buffered typing to send next) or someone else's
    /// (transformed against ours and applied to <see cref="Text"/>; <c>Applied</c> is what changed the field, to move a
    /// caret with). A step out of order returns <see cref="NotesReceipt.Gap"/>.
    /// </summary>
    public (NotesReceipt Receipt, NotesOutgoing? Next, TextOperation? Applied) Receive(NotesStepState step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Revision <= Revision)
        {
            return (NotesReceipt.Seen, null, null);
        }

        if (step.Revision != Revision + 1)
        {
            return (NotesReceipt.Gap, null, null);
        }

        var operation = TextOperation.Parse(step.Operation);
        ServerText = operation.Apply(ServerText);
        Revision = step.Revision;
        if (InFlightId == step.OperationId)
        {
            InFlightId = null;
            InFlight = null;
            return (NotesReceipt.Acknowledged, Flush(), null);
        }

        if (InFlight is not null)
        {
            (InFlight, operation) = TextOperation.Transform(InFlight, operation);
        }

        if (Buffer is not null)
        {
            (Buffer, operation) = TextOperation.Transform(Buffer, operation);
        }

        Text = operation.Apply(Text);
        return (NotesReceipt.Applied, null, operation);
    }

    /// <summary>The server refused the edit in flight: it and the typing after it are kept and go with the next keystroke.</summary>
    public void Refused(Guid operationId)
    {
        if (InFlightId != operationId || InFlight is null)
        {
            return;
        }

        Buffer = Buffer is null ? InFlight : InFlight.Compose(Buffer);
        InFlight = null;
        InFlightId = null;
        Blocked = true;
    }

    /// <summary>
    /// The server no longer has the edits since this client's revision (a very old draft): start again from its text,
    /// keeping this person's pending words on top of it as well as a text merge can.
    /// </summary>
    public void Reset(long revision, string serverText)
    {
        ArgumentNullException.ThrowIfNull(serverText);
        var mine = Pending ? TextMerge.Rebase(ServerText, Text, serverText) : serverText;
        Revision = revision;
        ServerText = serverText;
        Text = mine;
        InFlight = null;
        InFlightId = null;
        var pending = TextOperation.Replace(serverText, mine);
        Buffer = pending.IsNoop ? null : pending;
    }

    /// <summary>Sends the buffer when nothing is in flight.</summary>
    public NotesOutgoing? Flush()
    {
        if (InFlight is not null || Buffer is null || Blocked)
        {
            return null;
        }

        InFlight = Buffer;
        InFlightId = Guid.NewGuid();
        Buffer = null;
        return new NotesOutgoing(InFlightId.Value, Revision, InFlight);
    }
}

/// <summary>An edit to send: its operation id, the revision it is made against, and the operation.</summary>
public sealed record NotesOutgoing(Guid OperationId, long BaseRevision, TextOperation Operation);

public enum NotesReceipt
{
    Seen,
    Gap,
    Acknowledged,
    Applied,
}

using System.Text;
using System.Text.Json;

namespace NinetyNine.Domain.Common;

/// <summary>
/// One edit of a plain text, made against a text of known length (<see cref="BaseLength"/>): a walk over it that
/// keeps (retain), adds (insert) or removes (delete) characters, in order. Operations made concurrently against the
/// same text are brought together by <see cref="Transform"/>, so several people typing in one field converge on one
/// text and each person's words stay together. Immutable; always in normal form (no empty parts, neighbouring parts of
/// one kind merged, an insert before a delete at the same place), so equal edits are equal operations.
/// </summary>
/// <remarks>
/// JSON shape (compact, as in the ot.js family): an array where a positive integer retains that many characters, a
/// string inserts it and a negative integer deletes that many characters, e.g. <c>[5,"abc",-2,10]</c>.
/// </remarks>
public sealed class TextOperation : IEquatable<TextOperation>
{
    /// <summary>The longest text an operation may walk over or produce: the longest notes there are, with room for a replace.</summary>
    public const int MaxLength = 2 * Meetings.AgendaItem.NotesMaxLength;

    /// <summary>The most parts one operation has; a keystroke has three, a whole-text diff a few hundred.</summary>
    public const int MaxParts = 10_000;

    private readonly Part[] _parts;

    private TextOperation(Part[] parts, int baseLength, int targetLength)
    {
        _parts = parts;
        BaseLength = baseLength;
        TargetLength = targetLength;
    }

    /// <summary>Length of the text this operation applies to.</summary>
    public int BaseLength { get; }

    /// <summary>Length of the text it produces.</summary>
    public int TargetLength { get; }

    public IReadOnlyList<Part> Parts => _parts;

    /// <summary>True when it changes nothing (only retains).</summary>
    public bool IsNoop => _parts.All(p => p.Kind == PartKind.Retain);

    /// <summary>The operation that changes nothing in a text of this length.</summary>
    public static TextOperation Identity(int length) => new Builder().Retain(length).Build();

    /// <summary>Start of an operation made part by part.</summary>
    public static Builder Create() => new();

    /// <summary>
    /// The operation that turns <paramref name="before"/> into <paramref name="after"/> by one replaced region (common
    /// start and end kept). Typing "e" before an "e" can be read as an insert at either place; <paramref name="caret"/>
    /// (where the caret is after the edit) settles it where the person typed, which matters when others type there too.
    /// </summary>
    public static TextOperation Replace(string before, string after, int? caret = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var limit = caret is { } c ? Math.Max(0, Math.Min(c, c - (after.Length - before.Length))) : int.MaxValue;
        var start = 0;
        while (start < limit && start < before.Length && start < after.Length && before[start] == after[start])
        {
            start++;
        }

        var end = 0;
        while (end < before.Length - start && end < after.Length - start && before[^(end + 1)] == after[^(end + 1)])
        {
            end++;
        }

        return new Builder().Retain(start).Insert(after[start..^end]).Delete(before.Length - start - end).Retain(end).Build();
    }

    /// <summary>Applies the operation; refused when the text is not the length it was made against.</summary>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != BaseLength)
        {
            throw new DomainException("TextOperation.BaseMismatch", BaseLength, text.Length);
        }

        var result = new StringBuilder(TargetLength);
        var at = 0;
        foreach (var part in _parts)
        {
            switch (part.Kind)
            {
                case PartKind.Retain:
                    result.Append(text, at, part.Count);
                    at += part.Count;
                    break;
                case PartKind.Insert:
                    result.Append(part.Text);
                    break;
                default:
                    at += part.Count;
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// One operation with the effect of this one followed by <paramref name="next"/> (which is made against this
    /// one's result).
    /// </summary>
    public TextOperation Compose(TextOperation next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (TargetLength != next.BaseLength)
        {
            throw new DomainException("TextOperation.BaseMismatch", next.BaseLength, TargetLength);
        }

        var result = new Builder();
        var a = new Cursor(_parts);
        var b = new Cursor(next._parts);
        while (!a.Done || !b.Done)
        {
            // Deletes of the first and inserts of the second touch no character of the middle text.
            if (a.Kind == PartKind.Delete)
            {
                result.Delete(a.Take(a.Left));
                continue;
            }

            if (b.Kind == PartKind.Insert)
            {
                result.Insert(b.TakeText(b.Left));
                continue;
            }

            if (a.Done || b.Done)
            {
                throw new DomainException("TextOperation.BaseMismatch", next.BaseLength, TargetLength);
            }

            var n = Math.Min(a.Left, b.Left);
            switch (a.Kind, b.Kind)
            {
                case (PartKind.Retain, PartKind.Retain):
                    a.Take(n);
                    result.Retain(b.Take(n));
                    break;
                case (PartKind.Retain, PartKind.Delete):
                    a.Take(n);
                    result.Delete(b.Take(n));
                    break;
                case (PartKind.Insert, PartKind.Retain):
                    b.Take(n);
                    result.Insert(a.TakeText(n));
                    break;
                default: // An insert the second deletes again: nothing of it remains.
                    a.Take(n);
                    b.Take(n);
                    break;
            }
        }

        return result.Build();
    }

    /// <summary>
    /// Brings together two operations made against the same text: returns (a', b') such that applying a then b'
    /// gives the same text as b then a'. Where both insert at the same place, <paramref name="a"/>'s text goes first,
    /// so the server, which transforms an incoming operation against those applied since its base, and the sender,
    /// which transforms its pending operation against incoming ones, order ties the same way (the later one to arrive
    /// first), and each writer's run stays in one piece.
    /// </summary>
    public static (TextOperation A, TextOperation B) Transform(TextOperation a, TextOperation b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.BaseLength != b.BaseLength)
        {
            throw new DomainException("TextOperation.BaseMismatch", a.BaseLength, b.BaseLength);
        }

        var aPrime = new Builder();
        var bPrime = new Builder();
        var x = new Cursor(a._parts);
        var y = new Cursor(b._parts);
        while (!x.Done || !y.Done)
        {
            if (x.Kind == PartKind.Insert)
            {
                var text = x.TakeText(x.Left);
                aPrime.Insert(text);
                bPrime.Retain(text.Length);
                continue;
            }

            if (y.Kind == PartKind.Insert)
            {
                var text = y.TakeText(y.Left);
                aPrime.Retain(text.Length);
                bPrime.Insert(text);
                continue;
            }

            if (x.Done || y.Done)
            {
                throw new DomainException("TextOperation.BaseMismatch", a.BaseLength, b.BaseLength);
            }

            var n = Math.Min(x.Left, y.Left);
            switch (x.Kind, y.Kind)
            {
                case (PartKind.Retain, PartKind.Retain):
                    aPrime.Retain(x.Take(n));
                    bPrime.Retain(y.Take(n));
                    break;
                case (PartKind.Delete, PartKind.Retain):
                    aPrime.Delete(x.Take(n));
                    y.Take(n);
                    break;
                case (PartKind.Retain, PartKind.Delete):
                    x.Take(n);
                    bPrime.Delete(y.Take(n));
                    break;
                default: // Both delete the same characters: already gone for the other.
                    x.Take(n);
                    y.Take(n);
                    break;
            }
        }

        return (aPrime.Build(), bPrime.Build());
    }

    /// <summary>
    /// Where a position in the base text (a caret, a selection end) is in the result. Text inserted exactly at the
    /// position goes after it, so a caret stays at the end of what its own person typed; a deleted range collapses to its start.
    /// </summary>
    public int TransformIndex(int index)
    {
        var at = 0;
        var moved = index;
        foreach (var part in _parts)
        {
            if (at > index)
            {
                break;
            }

            switch (part.Kind)
            {
                case PartKind.Retain:
                    at += part.Count;
                    break;
                case PartKind.Insert:
                    if (at < index)
                    {
                        moved += part.Text!.Length;
                    }

                    break;
                default:
                    moved -= Math.Min(part.Count, index - at);
                    at += part.Count;
                    break;
            }
        }

        return Math.Clamp(moved, 0, TargetLength);
    }

    /// <summary>Reads the JSON shape (see remarks); anything malformed is refused with a message fit to show.</summary>
    public static TextOperation Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 2 });
            return FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            throw new DomainException("TextOperation.Malformed");
        }
    }

    public static TextOperation FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Array || json.GetArrayLength() > MaxParts)
        {
            throw new DomainException("TextOperation.Malformed");
        }

        var builder = new Builder();
        foreach (var element in json.EnumerateArray())
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    var text = element.GetString()!;
                    if (text.Length == 0)
                    {
                        throw new DomainException("TextOperation.Malformed");
                    }

                    builder.Insert(text);
                    break;
                case JsonValueKind.Number when element.TryGetInt32(out var n) && n != 0:
                    if (n > 0)
                    {
                        builder.Retain(n);
                    }
                    else
                    {
                        builder.Delete(-(long)n > MaxLength ? MaxLength + 1 : -n);
                    }

                    break;
                default:
                    throw new DomainException("TextOperation.Malformed");
            }
        }

        return builder.Build();
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var part in _parts)
        {
            switch (part.Kind)
            {
                case PartKind.Retain:
                    writer.WriteNumberValue(part.Count);
                    break;
                case PartKind.Insert:
                    writer.WriteStringValue(part.Text);
                    break;
                default:
                    writer.WriteNumberValue(-part.Count);
                    break;
            }
        }

        writer.WriteEndArray();
    }

    public override string ToString() => ToJson();

    public bool Equals(TextOperation? other) =>
        other is not null && BaseLength == other.BaseLength && _parts.AsSpan().SequenceEqual(other._parts);

    public override bool Equals(object? obj) => Equals(obj as TextOperation);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(BaseLength);
        foreach (var part in _parts)
        {
            hash.Add(part);
        }

        return hash.ToHashCode();
    }

    public enum PartKind
    {
        Retain,
        Insert,
        Delete,
    }

    /// <summary>One step of the walk: retain or delete <see cref="Count"/> characters, or insert <see cref="Text"/>.</summary>
    public readonly record struct Part(PartKind Kind, int Count, string? Text);

    /// <summary>Builds an operation in normal form and checks it: lengths within <see cref="MaxLength"/>, no control characters but tab and newline.</summary>
    public sealed class Builder
    {
        private readonly List<Part> _parts = [];
        private long _baseLength;
        private long _targetLength;

        internal Builder() { }

        public Builder Retain(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            if (count == 0)
            {
                return this;
            }

            _baseLength += count;
            _targetLength += count;
            if (_parts.Count > 0 && _parts[^1].Kind == PartKind.Retain)
            {
                _parts[^1] = _parts[^1] with { Count = _parts[^1].Count + count };
            }
            else
            {
                _parts.Add(new Part(PartKind.Retain, count, null));
            }

            return Check();
        }

        public Builder Insert(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            if (text.Length == 0)
            {
                return this;
            }

            if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\t')))
            {
                throw new DomainException("TextOperation.ControlCharacter");
            }

            _targetLength += text.Length;
            // An insert next to a delete goes before it, so one edit has one shape.
            var last = _parts.Count - 1;
            if (last >= 0 && _parts[last].Kind == PartKind.Delete)
            {
                if (last >= 1 && _parts[last - 1].Kind == PartKind.Insert)
                {
                    _parts[last - 1] = _parts[last - 1] with { Text = _parts[last - 1].Text + text };
                }
                else
                {
                    _parts.Insert(last, new Part(PartKind.Insert, 0, text));
                }
            }
            else if (last >= 0 && _parts[last].Kind == PartKind.Insert)
            {
                _parts[last] = _parts[last] with { Text = _parts[last].Text + text };
            }
            else
            {
                _parts.Add(new Part(PartKind.Insert, 0, text));
            }

            return Check();
        }

        public Builder Delete(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            if (count == 0)
            {
                return this;
            }

            _baseLength += count;
            if (_parts.Count > 0 && _parts[^1].Kind == PartKind.Delete)
            {
                _parts[^1] = _parts[^1] with { Count = _parts[^1].Count + count };
            }
            else
            {
                _parts.Add(new Part(PartKind.Delete, count, null));
            }

            return Check();
        }

        public TextOperation Build() => new([.. _parts], (int)_baseLength, (int)_targetLength);

        private Builder Check()
        {
            if (_baseLength > MaxLength || _targetLength > MaxLength)
            {
                throw new DomainException("TextOperation.TooLong", MaxLength);
            }

            if (_parts.Count > MaxParts)
            {
                throw new DomainException("TextOperation.Malformed");
            }

            return this;
        }
    }

    /// <summary>Walks the parts of an operation, taking a part whole or in pieces.</summary>
    private sealed class Cursor(Part[] parts)
    {
        private int _index;
        private int _offset;

        public bool Done => _index >= parts.Length;

        public PartKind? Kind => Done ? null : parts[_index].Kind;

        /// <summary>What is left of the current part (characters).</summary>
        public int Left => Done ? 0 : Length(parts[_index]) - _offset;

        public int Take(int n)
        {
            Advance(n);
            return n;
        }

        public string TakeText(int n)
        {
            var text = parts[_index].Text!.Substring(_offset, n);
            Advance(n);
            return text;
        }

        private void Advance(int n)
        {
            _offset += n;
            if (_offset >= Length(parts[_index]))
            {
                _index++;
                _offset = 0;
            }
        }

        private static int Length(Part part) => part.Kind == PartKind.Insert ? part.Text!.Length : part.Count;
    }
}

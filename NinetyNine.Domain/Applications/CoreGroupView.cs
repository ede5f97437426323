using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Applications;

/// <summary>How a core group member sees an application's fit with the network.</summary>
public enum Fit
{
    Fits = 1,
    Doubt = 2,
    NoFit = 3,
}

/// <summary>One core group member's view of an application, hidden from the others until the vote is closed.</summary>
public sealed class CoreGroupView
{
    public const int RemarkMaxLength = 1_000;

    private CoreGroupView() { }

    internal CoreGroupView(PersonId personId, string personName, Fit fit, string? remark, DateTimeOffset at)
    {
        PersonId = personId;
        PersonName = personName;
        Set(fit, remark, at);
    }

    public PersonId PersonId { get; private set; }
    public string PersonName { get; private set; } = string.Empty;
    public Fit Fit { get; private set; }
    public string? Remark { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    internal void Set(Fit fit, string? remark, DateTimeOffset at)
    {
        if (!Enum.IsDefined(fit))
        {
            throw new DomainException("Application.UnknownFit");
        }

        Fit = fit;
        Remark = Guard.OptionalText(remark, RemarkMaxLength, "Field.Remark");
        RecordedAt = at;
    }
}

/// <summary>A decision on an application: outcome, when, at which meeting, and the written rationale.</summary>
public sealed class ApplicationDecision
{
    public const int RationaleMaxLength = 2_000;

    private ApplicationDecision() { }

    internal ApplicationDecision(DecisionOutcome outcome, string rationale, DateOnly decidedOn, MeetingId? meetingId, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        Outcome = outcome;
        Rationale = TextRules.IsBlank(rationale)
            ? throw new DomainException("Application.RationaleRequired")
            : Guard.Text(rationale, RationaleMaxLength, "Field.Rationale");
        DecidedOn = decidedOn;
        MeetingId = meetingId;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public DecisionOutcome Outcome { get; private set; }
    public string Rationale { get; private set; } = string.Empty;
    public DateOnly DecidedOn { get; private set; }
    public MeetingId? MeetingId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>A note by the coordinator in the dossier.</summary>
public sealed class ApplicationNote
{
    public const int TextMaxLength = 2_000;

    private ApplicationNote() { }

    internal ApplicationNote(string text, string author, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Text = Guard.Text(text, TextMaxLength, "Field.Note");
        Author = author;
        At = at;
    }

    public Guid Id { get; private set; }
    public string Text { get; private set; } = string.Empty;
    public string Author { get; private set; } = string.Empty;
    public DateTimeOffset At { get; private set; }
}

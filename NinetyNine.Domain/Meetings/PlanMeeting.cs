using FluentValidation;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;

namespace NinetyNine.Domain.Meetings;

/// <summary>The coordinator plans an extra meeting, or moves one: when, how long, and how the core group meets.</summary>
public sealed class PlanMeeting
{
    public DateTime? Date { get; set; }
    public TimeSpan? Time { get; set; }
    public int DurationMinutes { get; set; } = 60;
    public MeetingMode Mode { get; set; } = MeetingMode.Phone;
    public string? ModeDetails { get; set; }

    /// <summary>The start in the network's local time, once date and time are filled in.</summary>
    public DateTime? StartsAt => Date is { } date && Time is { } time ? date.Date + time : null;

    public static PlanMeeting From(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new PlanMeeting
        {
            Date = meeting.StartsAt.Date,
            Time = meeting.StartsAt.TimeOfDay,
            DurationMinutes = meeting.DurationMinutes,
            Mode = meeting.Mode,
            ModeDetails = meeting.ModeDetails,
        };
    }
}

public sealed class PlanMeetingValidator : AbstractValidator<PlanMeeting>
{
    public PlanMeetingValidator(TimeProvider time)
    {
        RuleFor(x => x.Date).NotNull().WithMessage(_ => Text.Get("Text.Required", Text.Get("Field.MeetingDate")));
        RuleFor(x => x.Time).NotNull().WithMessage(_ => Text.Get("Text.Required", Text.Get("Field.MeetingTime")));
        RuleFor(x => x.StartsAt)
            .Must(start => start is null || start >= Network.LocalNow(time, Network.DefaultTimeZone))
            .WithMessage(_ => Text.Get("Meeting.InThePast"))
            .Must(start => start is null || DateRules.IsSane(start.Value, Network.LocalNow(time, Network.DefaultTimeZone)))
            .WithMessage(_ => DateRules.Message("Field.MeetingDate", DateOnly.FromDateTime(Network.LocalNow(time, Network.DefaultTimeZone))))
            .OverridePropertyName(nameof(PlanMeeting.Date));
        RuleFor(x => x.DurationMinutes).InclusiveBetween(15, 480).WithMessage(_ => Text.Get("Cadence.Duration"));
        RuleFor(x => x.Mode).IsInEnum().WithMessage(_ => Text.Get("Meeting.UnknownMode"));
        RuleFor(x => x.ModeDetails).MaxText(Meeting.ModeDetailsMaxLength, "Field.ModeDetails").PlainText("Field.ModeDetails");
    }
}

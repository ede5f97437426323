using FluentValidation;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;

namespace NinetyNine.Domain.Networks;

/// <summary>
/// The coordinator's network settings as a form: name, region, the public page's text and the meeting cadence.
/// Meetings already planned keep their date and time; meetings planned from now on follow the new cadence.
/// </summary>
public sealed class NetworkSettings
{
    public string Name { get; set; } = string.Empty;
    public string Region { get; set; } = string.Empty;
    public string? Description { get; set; }

    /// <summary>A date of a meeting in the rhythm: its weekday is the meeting day, every <see cref="IntervalWeeks"/> from it.</summary>
    public DateOnly? MeetingDate { get; set; }

    public TimeOnly? MeetingTime { get; set; }
    public int IntervalWeeks { get; set; } = MeetingCadence.DefaultIntervalWeeks;
    public int DurationMinutes { get; set; } = FoundNetwork.DefaultDurationMinutes;
    public MeetingMode Mode { get; set; } = MeetingMode.Phone;
    public string? ModeDetails { get; set; }

    public static NetworkSettings Of(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var cadence = network.Cadence;
        return new NetworkSettings
        {
            Name = network.Name,
            Region = network.Region,
            Description = network.Description,
            MeetingDate = cadence.Anchor,
            MeetingTime = cadence.StartTime,
            IntervalWeeks = cadence.IntervalWeeks,
            DurationMinutes = cadence.DurationMinutes,
            Mode = cadence.Mode,
            ModeDetails = cadence.ModeDetails,
        };
    }

    /// <summary>Applies the settings through the network's own rules (all checked before anything changes).</summary>
    public void ApplyTo(Network network, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (MeetingDate is null || MeetingTime is null)
        {
            throw new DomainException("Text.Required", Text.Get(MeetingDate is null ? "Field.MeetingDate" : "Field.MeetingTime"));
        }

        // The rhythm's date may be a past meeting (it only fixes the weekday and the weeks), but not a typo years away.
        DateRules.Ensure(MeetingDate.Value, today, "Field.MeetingDate");
        var cadence = new MeetingCadence(MeetingDate.Value, MeetingTime.Value, IntervalWeeks, DurationMinutes, Mode, ModeDetails);
        network.ChangeSettings(Name, Region, Description, cadence);
    }
}

public sealed class NetworkSettingsValidator : AbstractValidator<NetworkSettings>
{
    public NetworkSettingsValidator(TimeProvider time)
    {
        RuleFor(x => x.Name).NotEmptyText("Field.NetworkName").MaxText(Network.NameMaxLength, "Field.NetworkName").PlainText("Field.NetworkName");
        RuleFor(x => x.Region).NotEmptyText("Field.Region").MaxText(Network.RegionMaxLength, "Field.Region").PlainText("Field.Region");
        RuleFor(x => x.Description).MaxText(Network.DescriptionMaxLength, "Field.NetworkDescription");
        RuleFor(x => x.MeetingDate).NotNull().WithMessage(_ => Text.Get("Text.Required", Text.Get("Field.MeetingDate")))
            .Must(d => d is null || DateRules.IsSane(d.Value, Today(time)))
            .WithMessage(_ => DateRules.Message("Field.MeetingDate", Today(time)));
        RuleFor(x => x.MeetingTime).NotNull().WithMessage(_ => Text.Get("Text.Required", Text.Get("Field.MeetingTime")));
        RuleFor(x => x.IntervalWeeks).InclusiveBetween(1, 12).WithMessage(_ => Text.Get("Cadence.Interval"));
        RuleFor(x => x.DurationMinutes).InclusiveBetween(15, 480).WithMessage(_ => Text.Get("Cadence.Duration"));
        RuleFor(x => x.Mode).IsInEnum().WithMessage(_ => Text.Get("Meeting.UnknownMode"));
        RuleFor(x => x.ModeDetails).MaxText(Meeting.ModeDetailsMaxLength, "Field.ModeDetails").PlainText("Field.ModeDetails");
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Network.LocalNow(time, Network.DefaultTimeZone));
}

using FluentValidation;
using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Networks;

/// <summary>The coordinator registers a participating employer (e.g. one that joined before the app existed).</summary>
public sealed class AddEmployer
{
    public string Name { get; set; } = string.Empty;
    public string Kvk { get; set; } = string.Empty;
    public string Sector { get; set; } = string.Empty;
    public string Town { get; set; } = string.Empty;
    public DateTime? JoinedOn { get; set; }
    public int JobsAmbition { get; set; }
    public bool ListedPublicly { get; set; }
}

public sealed class AddEmployerValidator : AbstractValidator<AddEmployer>
{
    public AddEmployerValidator(TimeProvider time)
    {
        RuleFor(x => x.Name).NotEmptyText("Field.EmployerName").MaxText(Employer.NameMaxLength, "Field.EmployerName").PlainText("Field.EmployerName");
        RuleFor(x => x.Kvk).Kvk();
        RuleFor(x => x.Sector).NotEmptyText("Field.Sector").MaxText(Employer.SectorMaxLength, "Field.Sector").PlainText("Field.Sector");
        RuleFor(x => x.Town).NotEmptyText("Field.Town").MaxText(Employer.TownMaxLength, "Field.Town").PlainText("Field.Town");
        RuleFor(x => x.JoinedOn).NotNull().WithMessage(_ => Text.Get("Text.Required", Text.Get("Field.JoinedOn")))
            .Must(d => d is null || DateRules.IsSaneJoinDate(DateOnly.FromDateTime(d.Value), Today(time)))
            .WithMessage(_ => DateRules.JoinDateMessage(Today(time)));
        RuleFor(x => x.JobsAmbition).InclusiveBetween(0, Employer.MaxJobs)
            .WithMessage(_ => Text.Get("Employer.JobsOutOfRange", Employer.MaxJobs));
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Network.LocalNow(time, Network.DefaultTimeZone));
}

/// <summary>Updates an employer's jobs ambition and jobs realised (counts only).</summary>
public sealed class RecordJobs
{
    public int JobsAmbition { get; set; }
    public int JobsRealised { get; set; }
}

public sealed class RecordJobsValidator : AbstractValidator<RecordJobs>
{
    public RecordJobsValidator()
    {
        RuleFor(x => x.JobsAmbition).InclusiveBetween(0, Employer.MaxJobs)
            .WithMessage(_ => Text.Get("Employer.JobsOutOfRange", Employer.MaxJobs));
        RuleFor(x => x.JobsRealised).InclusiveBetween(0, Employer.MaxJobs)
            .WithMessage(_ => Text.Get("Employer.JobsOutOfRange", Employer.MaxJobs));
    }
}

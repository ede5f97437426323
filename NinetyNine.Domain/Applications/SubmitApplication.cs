using FluentValidation;
using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Applications;

/// <summary>The application form an employer fills in to join a network.</summary>
public sealed class SubmitApplication
{
    public const int NameMaxLength = 200;
    public const int ShortTextMaxLength = 100;
    public const int WebsiteMaxLength = 300;
    public const int PhoneMaxLength = 30;
    public const int MotivationMaxLength = 4_000;
    public const int MaxEmployees = 1_000_000;

    public string CompanyName { get; set; } = string.Empty;
    public string Kvk { get; set; } = string.Empty;
    public string Sector { get; set; } = string.Empty;
    public string Town { get; set; } = string.Empty;
    /// <summary>Empty until the applicant fills it in (a form must not suggest 0).</summary>
    public int? Employees { get; set; }
    public string? Website { get; set; }
    public string ContactName { get; set; } = string.Empty;
    public string? ContactRole { get; set; }
    public string ContactEmail { get; set; } = string.Empty;
    public string? ContactPhone { get; set; }
    public string Motivation { get; set; } = string.Empty;
    public Offer Offers { get; set; }
    public string? OfferDetails { get; set; }
    public bool ConsentToBeListed { get; set; }

    // One switch per offer, for forms that bind check boxes; they read and write Offers.
    public bool OffersJobs { get => Offers.HasFlag(Offer.Jobs); set => Offers = Set(Offer.Jobs, value); }
    public bool OffersWorkPlacements { get => Offers.HasFlag(Offer.WorkPlacements); set => Offers = Set(Offer.WorkPlacements, value); }
    public bool OffersKnowledge { get => Offers.HasFlag(Offer.Knowledge); set => Offers = Set(Offer.Knowledge, value); }
    public bool OffersOther { get => Offers.HasFlag(Offer.Other); set => Offers = Set(Offer.Other, value); }

    private Offer Set(Offer offer, bool on) => on ? Offers | offer : Offers & ~offer;

    /// <summary>An http(s) address with a dotted host; "www.bedrijf.nl" without a scheme counts as https.</summary>
    public static bool IsWebAddress(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        return Uri.TryCreate(trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "https://" + trimmed, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.Host.Contains('.', StringComparison.Ordinal);
    }
}

public sealed class SubmitApplicationValidator : AbstractValidator<SubmitApplication>
{
    public SubmitApplicationValidator()
    {
        RuleFor(x => x.CompanyName).NotEmptyText("Field.EmployerName")
            .MaxText(SubmitApplication.NameMaxLength, "Field.EmployerName").PlainText("Field.EmployerName");
        RuleFor(x => x.Kvk).Kvk();
        RuleFor(x => x.Sector).NotEmptyText("Field.Sector")
            .MaxText(SubmitApplication.ShortTextMaxLength, "Field.Sector").PlainText("Field.Sector");
        RuleFor(x => x.Town).NotEmptyText("Field.Town")
            .MaxText(SubmitApplication.ShortTextMaxLength, "Field.Town").PlainText("Field.Town");
        RuleFor(x => x.Employees).NotNull().WithMessage(_ => Text.Get("Application.EmployeesMissing"))
            .InclusiveBetween(1, SubmitApplication.MaxEmployees)
            .WithMessage(_ => Text.Get("Application.Employees", SubmitApplication.MaxEmployees));
        RuleFor(x => x.Website).MaxText(SubmitApplication.WebsiteMaxLength, "Field.Website")
            .Must(v => string.IsNullOrWhiteSpace(v) || SubmitApplication.IsWebAddress(v)).WithMessage(_ => Text.Get("Application.Website"));
        RuleFor(x => x.ContactName).NotEmptyText("Field.PersonName")
            .MaxText(SubmitApplication.NameMaxLength, "Field.PersonName").PlainText("Field.PersonName");
        RuleFor(x => x.ContactRole).MaxText(SubmitApplication.ShortTextMaxLength, "Field.Function").PlainText("Field.Function");
        RuleFor(x => x.ContactEmail).Email();
        RuleFor(x => x.ContactPhone).MaxText(SubmitApplication.PhoneMaxLength, "Field.Phone")
            .PhoneNumber();
        RuleFor(x => x.Motivation).NotEmptyText("Field.Motivation").MaxText(SubmitApplication.MotivationMaxLength, "Field.Motivation");
        RuleFor(x => x.Offers).NotEqual(Offer.None).WithMessage(_ => Text.Get("Application.NothingOffered"));
        RuleFor(x => x.OfferDetails).MaxText(SubmitApplication.MotivationMaxLength, "Field.OfferDetails");
    }
}

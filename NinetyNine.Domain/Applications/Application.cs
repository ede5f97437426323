using System.Globalization;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;

namespace NinetyNine.Domain.Applications;

/// <summary>
/// A prospective employer's request to join a network (aanmelding). The core group decides on it;
/// until then it is open. Holds only business contact data, nothing about job candidates.
/// </summary>
public sealed class Application : IAggregateRoot
{
    private Application() { }

    public ApplicationId Id { get; private set; }
    public NetworkId NetworkId { get; private set; }
    public string Reference { get; private set; } = string.Empty;
    public string CompanyName { get; private set; } = string.Empty;
    public KvkNumber Kvk { get; private set; } = null!;
    public string Sector { get; private set; } = string.Empty;
    public string Town { get; private set; } = string.Empty;
    public int Employees { get; private set; }
    public string? Website { get; private set; }
    public string ContactName { get; private set; } = string.Empty;
    public string? ContactRole { get; private set; }
    public EmailAddress ContactEmail { get; private set; } = null!;
    public string? ContactPhone { get; private set; }
    public string Motivation { get; private set; } = string.Empty;
    public Offer Offers { get; private set; }
    public string? OfferDetails { get; private set; }
    public bool ConsentToBeListed { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => Status == ApplicationStatus.Submitted;

    /// <summary>
    /// An employer applies to a network through its public form. Refused when the employer already takes part
    /// (an active employer with this KvK number) or already has an application waiting for a decision.
    /// </summary>
    public static Application SubmitTo(Network network, IEnumerable<Application> earlier, SubmitApplication form, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(form);
        var application = Submit(network.Id, form, now);
        if (network.Employers.Any(e => e.IsActive && e.Kvk == application.Kvk))
        {
            throw new DomainException("Application.AlreadyMember", application.Kvk.Value);
        }

        if (earlier.Any(a => a.NetworkId == network.Id && a.IsOpen && a.Kvk == application.Kvk))
        {
            throw new DomainException("Application.AlreadyWaiting", application.Kvk.Value);
        }

        return application;
    }

    /// <summary>Creates an application from a validated form. Invariants are checked again here.</summary>
    public static Application Submit(NetworkId networkId, SubmitApplication form, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Offers == Offer.None)
        {
            throw new DomainException("Application.NothingOffered");
        }

        if (form.Employees is < 1 or > SubmitApplication.MaxEmployees)
        {
            throw new DomainException("Application.Employees", SubmitApplication.MaxEmployees);
        }

        var id = ApplicationId.New();
        return new Application
        {
            Id = id,
            NetworkId = networkId,
            Reference = string.Create(CultureInfo.InvariantCulture, $"A{now:yyMM}-{id.Value.ToString("N")[^5..].ToUpperInvariant()}"),
            CompanyName = Guard.Text(form.CompanyName, SubmitApplication.NameMaxLength, "Field.EmployerName"),
            Kvk = KvkNumber.Parse(form.Kvk),
            Sector = Guard.Text(form.Sector, SubmitApplication.ShortTextMaxLength, "Field.Sector"),
            Town = Guard.Text(form.Town, SubmitApplication.ShortTextMaxLength, "Field.Town"),
            Employees = form.Employees,
            Website = WebAddress(form.Website),
            ContactName = Guard.Text(form.ContactName, SubmitApplication.NameMaxLength, "Field.PersonName"),
            ContactRole = Guard.OptionalText(form.ContactRole, SubmitApplication.ShortTextMaxLength, "Field.Function"),
            ContactEmail = EmailAddress.Parse(form.ContactEmail),
            ContactPhone = Guard.OptionalText(form.ContactPhone, SubmitApplication.PhoneMaxLength, "Field.Phone"),
            Motivation = Guard.Text(form.Motivation, SubmitApplication.MotivationMaxLength, "Field.Motivation"),
            Offers = form.Offers,
            OfferDetails = Guard.OptionalText(form.OfferDetails, SubmitApplication.MotivationMaxLength, "Field.OfferDetails"),
            ConsentToBeListed = form.ConsentToBeListed,
            SubmittedAt = now,
            Status = ApplicationStatus.Submitted,
        };
    }

    void IAggregateRoot.BumpVersion() => Version++;

    /// <summary>Only http(s) addresses: a stored website may one day be rendered as a link.</summary>
    private static string? WebAddress(string? value)
    {
        var website = Guard.OptionalText(value, SubmitApplication.WebsiteMaxLength, "Field.Website");
        return website is null || SubmitApplication.IsWebAddress(website) ? website : throw new DomainException("Application.Website");
    }
}

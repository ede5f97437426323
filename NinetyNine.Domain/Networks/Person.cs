using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Networks;

/// <summary>
/// Someone who works with the network. Personal data is limited to what that work needs:
/// name, organisation, function, work email and phone.
/// </summary>
public sealed class Person
{
    public const int NameMaxLength = 120;
    public const int FunctionMaxLength = 120;
    public const int PhoneMaxLength = 30;

    private Person() { }

    internal Person(string name, EmailAddress email, string? phone, string? function, EmployerId? employerId, string? organisation)
    {
        Id = PersonId.New();
        Name = Guard.Text(name, NameMaxLength, "Field.PersonName");
        Email = email;
        Phone = Guard.OptionalText(phone, PhoneMaxLength, "Field.Phone");
        Function = Guard.OptionalText(function, FunctionMaxLength, "Field.Function");
        EmployerId = employerId;
        Organisation = Guard.OptionalText(organisation, Employer.NameMaxLength, "Field.Organisation");
        IsActive = true;
    }

    public PersonId Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public EmailAddress Email { get; private set; } = null!;
    public string? Phone { get; private set; }
    public string? Function { get; private set; }

    /// <summary>The participating employer this person represents, if any.</summary>
    public EmployerId? EmployerId { get; private set; }

    /// <summary>Organisation of a person who does not represent a participating employer (a law firm, De Normaalste Zaak).</summary>
    public string? Organisation { get; private set; }

    public bool IsActive { get; private set; }

    internal void Deactivate() => IsActive = false;

    /// <summary>The person's own name and phone, as they keep them up to date on their profile.</summary>
    internal void ChangeContactDetails(string name, string? phone)
    {
        if (!IsActive)
        {
            throw new DomainException("Network.PersonInactive", Name);
        }

        // Both checked before either changes: a refused phone leaves the name as it was.
        var checkedName = Guard.Text(name, NameMaxLength, "Field.PersonName");
        Phone = Guard.OptionalText(phone, PhoneMaxLength, "Field.Phone");
        Name = checkedName;
    }

    internal void Reactivate() => IsActive = true;

    /// <summary>Changes the person's details; every field is checked before any changes, so a refused edit changes nothing.</summary>
    internal void Edit(string name, string? phone, string? function, EmployerId? employerId, string? organisation)
    {
        var checkedName = Guard.Text(name, NameMaxLength, "Field.PersonName");
        var checkedPhone = Guard.OptionalText(phone, PhoneMaxLength, "Field.Phone");
        var checkedFunction = Guard.OptionalText(function, FunctionMaxLength, "Field.Function");
        var checkedOrganisation = Guard.OptionalText(organisation, Employer.NameMaxLength, "Field.Organisation");
        Name = checkedName;
        Phone = checkedPhone;
        Function = checkedFunction;
        EmployerId = employerId;
        Organisation = checkedOrganisation;
    }
}

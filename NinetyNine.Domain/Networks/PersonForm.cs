using FluentValidation;
using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Networks;

/// <summary>
/// The coordinator adds a person to the network or edits one: who they are, whom they work for and how to reach them.
/// A person represents a participating employer or names their own organisation (a law firm, De Normaalste Zaak).
/// </summary>
public sealed class PersonForm
{
    public string Name { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string? Phone { get; set; }
    public string? Function { get; set; }

    /// <summary>The participating employer they represent, if any.</summary>
    public EmployerId? EmployerId { get; set; }

    /// <summary>Their organisation when they represent no participating employer.</summary>
    public string? Organisation { get; set; }

    /// <summary>Send the welcome link at once (adding only).</summary>
    public bool Invite { get; set; } = true;
}

public sealed class PersonFormValidator : AbstractValidator<PersonForm>
{
    public PersonFormValidator()
    {
        RuleFor(x => x.Name).NotEmptyText("Field.PersonName").MaxText(Person.NameMaxLength, "Field.PersonName").PlainText("Field.PersonName");
        RuleFor(x => x.Email).Email();
        RuleFor(x => x.Phone).MaxText(Person.PhoneMaxLength, "Field.Phone").PhoneNumber();
        RuleFor(x => x.Function).MaxText(Person.FunctionMaxLength, "Field.Function").PlainText("Field.Function");
        RuleFor(x => x.Organisation).MaxText(Employer.NameMaxLength, "Field.Organisation").PlainText("Field.Organisation")
            .Must((form, organisation) => form.EmployerId is not null || !string.IsNullOrWhiteSpace(organisation))
            .WithMessage(_ => Text.Get("Person.EmployerOrOrganisation"));
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using NinetyNine.Domain.Boards;
using NinetyNine.Web.Components;

namespace NinetyNine.Web.Features.Boards;

/// <summary>
/// The values of a card's fields as a person reads them: names instead of ids, dates and amounts in their language.
/// Reads both a <see cref="CardFieldsState"/> and the culture-neutral text a conflict carries (see <see cref="BoardService"/>).
/// </summary>
public static class CardValues
{
    /// <summary>How a conflict writes "no value".</summary>
    public const string Nothing = "—";

    /// <summary>How a conflict joins the values of a list.</summary>
    public const string Separator = ", ";

    public static string PersonName(Guid? id, IReadOnlyList<Choice> people) =>
        id is { } value ? people.FirstOrDefault(p => p.Id == value)?.Name ?? Nothing : Nothing;

    public static string EmployerName(Guid? id, IReadOnlyList<Choice> employers) =>
        id is { } value ? employers.FirstOrDefault(p => p.Id == value)?.Name ?? Nothing : Nothing;

    public static string Employers(IEnumerable<Guid> ids, IReadOnlyList<Choice> employers) =>
        Join(ids.Select(id => EmployerName(id, employers)));

    /// <summary>
    /// A stakeholder as the reader says it: the presets the form offers (<see cref="CardFields.CommonStakeholders"/>) are
    /// stored by their key and said in the reader's language; a stakeholder someone typed is shown as typed.
    /// </summary>
    public static string Stakeholder(string stakeholder, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var preset = CardFields.CommonStakeholders.FirstOrDefault(p => string.Equals(p, stakeholder, StringComparison.OrdinalIgnoreCase));
        return preset is null ? stakeholder : localizer[$"Stakeholder.{preset}"];
    }

    public static string Funding(FundingStatus status, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[$"Funding.{status}"];
    }

    /// <summary>"€ 2.500,00" in Dutch.</summary>
    public static string Amount(decimal? amount) =>
        amount is { } value ? value.ToString("C", CurrencyFormat()) : Nothing;

    public static string Join(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? Nothing : string.Join(Separator, list);
    }

    /// <summary>One field of a card, readable.</summary>
    public static string Display(string field, CardFieldsState fields, IReadOnlyList<Choice> people, IReadOnlyList<Choice> employers, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return field switch
        {
            nameof(CardFields.Title) => fields.Title,
            nameof(CardFields.Description) => string.IsNullOrWhiteSpace(fields.Description) ? Nothing : fields.Description,
            nameof(CardFields.OwnerId) => PersonName(fields.OwnerId, people),
            nameof(CardFields.DueOn) => fields.DueOn is { } due ? Format.Date(due) : Nothing,
            nameof(CardFields.Employers) => Employers(fields.Employers, employers),
            nameof(CardFields.Stakeholders) => Join(fields.Stakeholders),
            nameof(CardFields.Labels) => Join(fields.Labels),
            nameof(CardFields.Funding) => Funding(fields.Funding, localizer),
            nameof(CardFields.FundedBy) => EmployerName(fields.FundedBy, employers),
            nameof(CardFields.FundingAmount) => Amount(fields.FundingAmount),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }

    /// <summary>One field's value as a conflict carries it (culture-neutral text), readable; unreadable text is shown as it came.</summary>
    public static string Display(string field, string raw, IReadOnlyList<Choice> people, IReadOnlyList<Choice> employers, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw == Nothing)
        {
            return Nothing;
        }

        return field switch
        {
            nameof(CardFields.OwnerId) => Guid.TryParse(raw, out var person) ? PersonName(person, people) : raw,
            nameof(CardFields.FundedBy) => Guid.TryParse(raw, out var employer) ? EmployerName(employer, employers) : raw,
            nameof(CardFields.Employers) => Join(raw.Split(Separator, StringSplitOptions.RemoveEmptyEntries)
                .Select(part => Guid.TryParse(part, out var id) ? EmployerName(id, employers) : part)),
            nameof(CardFields.DueOn) => DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? Format.Date(due) : raw,
            nameof(CardFields.Funding) => Enum.TryParse<FundingStatus>(raw, out var status) && Enum.IsDefined(status) ? Funding(status, localizer) : raw,
            nameof(CardFields.FundingAmount) => decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? Amount(amount) : raw,
            nameof(CardFields.Description) or nameof(CardFields.Title) or nameof(CardFields.Stakeholders) or nameof(CardFields.Labels) => raw.Length == 0 ? Nothing : raw,
            _ => raw,
        };
    }

    private static NumberFormatInfo CurrencyFormat()
    {
        // Amounts are always euros, whatever the language of the screen.
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = "€";
        return format;
    }
}

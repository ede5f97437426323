using FluentValidation;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Features.Boards;

/// <summary>The fields of a card as the card dialog edits them; <see cref="ToState"/> gives what is sent.</summary>
public sealed class CardForm
{
    public string Title { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    public Guid? OwnerId { get; set; }
    public DateTime? DueOn { get; set; }
    public IReadOnlyCollection<Guid> Employers { get; set; } = [];
    public List<string> Stakeholders { get; set; } = [];
    public List<string> Labels { get; set; } = [];
    public FundingStatus Funding { get; set; } = FundingStatus.NotNeeded;
    public Guid? FundedBy { get; set; }
    public decimal? FundingAmount { get; set; }

    /// <summary>A stakeholder being typed, not yet in <see cref="Stakeholders"/>.</summary>
    public string NewStakeholder { get; set; } = string.Empty;

    /// <summary>A label being typed, not yet in <see cref="Labels"/>.</summary>
    public string NewLabel { get; set; } = string.Empty;

    public static CardForm From(CardFieldsState fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var form = new CardForm();
        form.Take(fields);
        return form;
    }

    /// <summary>Replaces every field with the given values.</summary>
    public void Take(CardFieldsState fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in CardFields.Names)
        {
            Take(field, fields);
        }
    }

    /// <summary>Replaces one field (named as in <see cref="CardFields.Names"/>) with its value in <paramref name="fields"/>.</summary>
    public void Take(string field, CardFieldsState fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        switch (field)
        {
            case nameof(CardFields.Title):
                Title = fields.Title;
                break;
            case nameof(CardFields.Description):
                Description = fields.Description;
                break;
            case nameof(CardFields.OwnerId):
                OwnerId = fields.OwnerId;
                break;
            case nameof(CardFields.DueOn):
                DueOn = fields.DueOn?.ToDateTime(TimeOnly.MinValue);
                break;
            case nameof(CardFields.Employers):
                Employers = [.. fields.Employers];
                break;
            case nameof(CardFields.Stakeholders):
                Stakeholders = [.. fields.Stakeholders];
                break;
            case nameof(CardFields.Labels):
                Labels = [.. fields.Labels];
                break;
            case nameof(CardFields.Funding):
                Funding = fields.Funding;
                break;
            case nameof(CardFields.FundedBy):
                FundedBy = fields.FundedBy;
                break;
            case nameof(CardFields.FundingAmount):
                FundingAmount = fields.FundingAmount;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }
    }

    /// <summary>The fields to send: trimmed, and without funder or amount when no funding is needed.</summary>
    public CardFieldsState ToState()
    {
        var funded = Funding != FundingStatus.NotNeeded;
        return new CardFieldsState(
            Title.Trim(),
            Description.Trim(),
            OwnerId,
            DueOn is { } due ? DateOnly.FromDateTime(due) : null,
            [.. Employers.Distinct()],
            [.. Stakeholders],
            [.. Labels],
            Funding,
            funded ? FundedBy : null,
            funded ? FundingAmount : null);
    }

    /// <summary>Adds the typed stakeholder; false when there was nothing new to add.</summary>
    public bool AddStakeholder() => Add(Stakeholders, NewStakeholder, () => NewStakeholder = string.Empty);

    public bool AddLabel() => Add(Labels, NewLabel, () => NewLabel = string.Empty);

    /// <summary>Turns a common stakeholder on or off.</summary>
    public void Toggle(string stakeholder)
    {
        if (Stakeholders.RemoveAll(s => string.Equals(s, stakeholder, StringComparison.OrdinalIgnoreCase)) == 0)
        {
            Stakeholders.Add(stakeholder);
        }
    }

    public bool Has(string stakeholder) => Stakeholders.Contains(stakeholder, StringComparer.OrdinalIgnoreCase);

    private static bool Add(List<string> tags, string typed, Action clear)
    {
        var tag = typed.Trim();
        if (tag.Length == 0)
        {
            return false;
        }

        if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
        {
            tags.Add(tag);
        }

        clear();
        return true;
    }

    /// <summary>The fields (named as in <see cref="CardFields.Names"/>) whose values differ between two versions of a card.</summary>
    public static IReadOnlyList<string> Differences(CardFieldsState a, CardFieldsState b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return [.. CardFields.Names.Where(field => !Same(Get(a, field), Get(b, field)))];
    }

    /// <summary>A copy of <paramref name="target"/> with one field taken from <paramref name="source"/>.</summary>
    public static CardFieldsState With(CardFieldsState target, string field, CardFieldsState source)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(source);
        return field switch
        {
            nameof(CardFields.Title) => target with { Title = source.Title },
            nameof(CardFields.Description) => target with { Description = source.Description },
            nameof(CardFields.OwnerId) => target with { OwnerId = source.OwnerId },
            nameof(CardFields.DueOn) => target with { DueOn = source.DueOn },
            nameof(CardFields.Employers) => target with { Employers = source.Employers },
            nameof(CardFields.Stakeholders) => target with { Stakeholders = source.Stakeholders },
            nameof(CardFields.Labels) => target with { Labels = source.Labels },
            nameof(CardFields.Funding) => target with { Funding = source.Funding },
            nameof(CardFields.FundedBy) => target with { FundedBy = source.FundedBy },
            nameof(CardFields.FundingAmount) => target with { FundingAmount = source.FundingAmount },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }

    /// <summary>The translated name of a field, as a conflict shows it.</summary>
    public static string LabelOf(string field) => field switch
    {
        nameof(CardFields.Title) => Text.Get("Field.CardTitle"),
        nameof(CardFields.Description) => Text.Get("Field.CardDescription"),
        nameof(CardFields.OwnerId) => Text.Get("Field.CardOwner"),
        nameof(CardFields.DueOn) => Text.Get("Field.DueOn"),
        nameof(CardFields.Employers) => Text.Get("Field.CardEmployers"),
        nameof(CardFields.Stakeholders) => Text.Get("Field.Stakeholders"),
        nameof(CardFields.Labels) => Text.Get("Field.Labels"),
        nameof(CardFields.Funding) => Text.Get("Field.Funding"),
        nameof(CardFields.FundedBy) => Text.Get("Field.FundedBy"),
        nameof(CardFields.FundingAmount) => Text.Get("Field.FundingAmount"),
        _ => field,
    };

    private static object? Get(CardFieldsState s, string field) => field switch
    {
        nameof(CardFields.Title) => s.Title,
        nameof(CardFields.Description) => s.Description,
        nameof(CardFields.OwnerId) => s.OwnerId,
        nameof(CardFields.DueOn) => s.DueOn,
        nameof(CardFields.Employers) => s.Employers,
        nameof(CardFields.Stakeholders) => s.Stakeholders,
        nameof(CardFields.Labels) => s.Labels,
        nameof(CardFields.Funding) => s.Funding,
        nameof(CardFields.FundedBy) => s.FundedBy,
        nameof(CardFields.FundingAmount) => s.FundingAmount,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (IEnumerable<Guid> x, IEnumerable<Guid> y) => x.Order().SequenceEqual(y.Order()),
        (IEnumerable<string> x, IEnumerable<string> y) => x.SequenceEqual(y, StringComparer.Ordinal),
        _ => Equals(a, b),
    };
}

public sealed class CardFormValidator : AbstractValidator<CardForm>
{
    public CardFormValidator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        RuleFor(x => x.Title).NotEmptyText("Field.CardTitle").MaxText(CardFields.TitleMaxLength, "Field.CardTitle");
        RuleFor(x => x.DueOn)
            .Must(due => due is null || DateRules.IsSane(DateOnly.FromDateTime(due.Value), Today(time)))
            .WithMessage(_ => DateRules.Message("Field.DueOn", Today(time)));
        RuleFor(x => x.Description).MaxText(CardFields.DescriptionMaxLength, "Field.CardDescription");
        RuleFor(x => x.Funding).IsInEnum().WithMessage(_ => Text.Get("Board.UnknownFunding"));
        RuleFor(x => x.FundingAmount)
            .Must(amount => amount is null or (>= 0 and <= 10_000_000)).WithMessage(_ => Text.Get("Board.FundingAmount"))
            .When(x => x.Funding != FundingStatus.NotNeeded);
        RuleFor(x => x.Stakeholders).Must(Few).WithMessage(_ => TooMany("Field.Stakeholders"));
        RuleForEach(x => x.Stakeholders).MaxText(CardFields.TagMaxLength, "Field.Stakeholders");
        RuleFor(x => x.Labels).Must(Few).WithMessage(_ => TooMany("Field.Labels"));
        RuleForEach(x => x.Labels).MaxText(CardFields.TagMaxLength, "Field.Labels");

        // The text fields where a tag is typed carry the messages too, so they show where the person is.
        RuleFor(x => x.NewStakeholder).MaxText(CardFields.TagMaxLength, "Field.Stakeholders")
            .Must((form, tag) => Fits(form.Stakeholders, tag)).WithMessage(_ => TooMany("Field.Stakeholders"));
        RuleFor(x => x.NewLabel).MaxText(CardFields.TagMaxLength, "Field.Labels")
            .Must((form, tag) => Fits(form.Labels, tag)).WithMessage(_ => TooMany("Field.Labels"));
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    private static bool Few(List<string> tags) => tags.Count <= CardFields.MaxTags;

    /// <summary>A typed tag fits when there is room for it, or it is there already.</summary>
    private static bool Fits(List<string> tags, string? tag) =>
        string.IsNullOrWhiteSpace(tag) || tags.Count < CardFields.MaxTags || tags.Contains(tag.Trim(), StringComparer.OrdinalIgnoreCase);

    private static string TooMany(string field) => Text.Get("Board.TooManyTags", Text.Get(field), CardFields.MaxTags);
}

/// <summary>What to do with a short text on a card: a checklist line, a comment or a question for the lawyers.</summary>
public enum CardTextKind
{
    ChecklistEntry = 1,
    Comment,
    LegalQuestion,
}

/// <summary>A short text typed on a card: a new checklist line, a comment or a question for the lawyers.</summary>
public sealed class CardText
{
    public CardTextKind Kind { get; set; }
    public string Text { get; set; } = string.Empty;
}

public sealed class CardTextValidator : AbstractValidator<CardText>
{
    public CardTextValidator()
    {
        When(x => x.Kind == CardTextKind.ChecklistEntry, () =>
            RuleFor(x => x.Text).NotEmptyText("Field.ChecklistEntry").MaxText(ChecklistEntry.TextMaxLength, "Field.ChecklistEntry"));
        When(x => x.Kind == CardTextKind.Comment, () =>
            RuleFor(x => x.Text).NotEmptyText("Field.CardComment").MaxText(CardComment.TextMaxLength, "Field.CardComment"));
        When(x => x.Kind == CardTextKind.LegalQuestion, () =>
            RuleFor(x => x.Text).NotEmptyText("Field.LegalQuestion").MaxText(LegalAdvice.TextMaxLength, "Field.LegalQuestion"));
    }
}

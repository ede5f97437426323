using FluentValidation;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Features.Boards;

/// <summary>A card being added at the bottom of a column: only its title, the rest is filled in on the card.</summary>
public sealed class NewCard
{
    public string Title { get; set; } = string.Empty;
}

public sealed class NewCardValidator : AbstractValidator<NewCard>
{
    public NewCardValidator() =>
        RuleFor(x => x.Title).NotEmptyText("Field.CardTitle").MaxText(CardFields.TitleMaxLength, "Field.CardTitle");
}

/// <summary>A column's name as the column management form edits it.</summary>
public sealed class ColumnName
{
    public string Name { get; set; } = string.Empty;
}

public sealed class ColumnNameValidator : AbstractValidator<ColumnName>
{
    public ColumnNameValidator() =>
        RuleFor(x => x.Name).NotEmptyText("Field.ColumnName").MaxText(BoardColumn.NameMaxLength, "Field.ColumnName");
}

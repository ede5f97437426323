using FluentValidation;
using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.ThemeGroups;

/// <summary>What a lead or the coordinator edits about a theme group.</summary>
public sealed class DescribeThemeGroup
{
    public string Name { get; set; } = string.Empty;
    public string Goal { get; set; } = string.Empty;
}

public sealed class DescribeThemeGroupValidator : AbstractValidator<DescribeThemeGroup>
{
    public DescribeThemeGroupValidator()
    {
        RuleFor(x => x.Name).NotEmptyText("Field.ThemeGroupName").MaxText(ThemeGroup.NameMaxLength, "Field.ThemeGroupName").PlainText("Field.ThemeGroupName");
        RuleFor(x => x.Goal).MaxText(ThemeGroup.GoalMaxLength, "Field.Goal");
    }
}

namespace NinetyNine.Domain.Common;

// Strongly typed ids: an employer id can never be passed where a person id is expected.
public readonly record struct NetworkId(Guid Value)
{
    public static NetworkId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct PersonId(Guid Value)
{
    public static PersonId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct EmployerId(Guid Value)
{
    public static EmployerId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ThemeGroupId(Guid Value)
{
    public static ThemeGroupId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ApplicationId(Guid Value)
{
    public static ApplicationId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct MeetingId(Guid Value)
{
    public static MeetingId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct AgendaItemId(Guid Value)
{
    public static AgendaItemId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct OnboardingChecklistId(Guid Value)
{
    public static OnboardingChecklistId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct BoardId(Guid Value)
{
    public static BoardId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct CardId(Guid Value)
{
    public static CardId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ColumnId(Guid Value)
{
    public static ColumnId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

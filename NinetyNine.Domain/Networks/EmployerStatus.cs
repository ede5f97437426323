namespace NinetyNine.Domain.Networks;

public enum EmployerStatus
{
    Active = 1,
    Left = 2,
}

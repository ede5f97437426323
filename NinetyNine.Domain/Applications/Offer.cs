namespace NinetyNine.Domain.Applications;

/// <summary>What an applying employer can bring to the network.</summary>
[Flags]
public enum Offer
{
    None = 0,
    Jobs = 1,
    WorkPlacements = 2,
    Knowledge = 4,
    Other = 8,
}

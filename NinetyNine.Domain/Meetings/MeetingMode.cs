namespace NinetyNine.Domain.Meetings;

/// <summary>How the core group meets; often by phone, laptops open.</summary>
public enum MeetingMode
{
    InPerson = 1,
    Phone = 2,
    Video = 3,
}

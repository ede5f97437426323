namespace NinetyNine.Domain.Meetings;

public enum MeetingStatus
{
    Planned = 1,
    Live = 2,
    Closed = 3,
    Cancelled = 4,
}

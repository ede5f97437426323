using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;

namespace NinetyNine.Domain.Meetings;

/// <summary>
/// What a new core group meeting starts from, beyond the standing agenda: every application still waiting for
/// a decision under item 1, and one update slot per theme group, presented by its lead, under item 2. (Open action
/// items of earlier meetings arrive through <see cref="Meeting.CarryOverTo"/>.) An application put on the agenda is
/// scheduled for the meeting; once item 1 is full the rest, oldest first, stay waiting for a meeting
/// (<see cref="Application.IsAwaitingMeeting"/>) and go onto the next meeting with room. Preparing twice adds nothing twice.
/// </summary>
public static class AgendaPreparation
{
    public static void Prepare(Meeting meeting, Network network, IEnumerable<ThemeGroup> themeGroups, IEnumerable<Application> waiting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(network);
        if (network.Id != meeting.NetworkId)
        {
            throw new DomainException("Meeting.OtherSeries");
        }

        foreach (var group in themeGroups.OrderBy(g => g.Position))
        {
            var lead = group.LeadPersonId is { } id ? network.PersonById(id).Name : null;
            meeting.PlanUpdateSlot(group, lead);
        }

        foreach (var application in waiting.Where(a => a.IsOpen).OrderBy(a => a.SubmittedAt))
        {
            if (!meeting.HasTopic(AgendaTopicKind.Application, application.Id.Value) && !meeting.HasRoomForApplication)
            {
                break;
            }

            if (meeting.PutOnAgenda(application) is not null)
            {
                application.ScheduleFor(meeting.Id);
            }
        }
    }
}

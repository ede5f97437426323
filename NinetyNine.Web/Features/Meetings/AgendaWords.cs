using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Features.Meetings;

/// <summary>
/// What the app itself wrote on an agenda, said in the reader's language: it is stored as a kind plus values (the item
/// of open actions, a theme group's status and jobs), never as Dutch or English sentences.
/// </summary>
public static class AgendaWords
{
    /// <summary>An item's title: the app's own words for the item of open actions, else the title people gave it.</summary>
    public static string Title(bool holdsOpenActions, string title) => holdsOpenActions ? Text.Get("Meeting.OpenActionsTitle") : title;

    /// <summary>A topic's detail: for a theme group's report "status: the lead's words · n jobs created", else as stored.</summary>
    public static string? Detail(string? detail, GroupStatus? status, int jobs)
    {
        if (status is not { } reported)
        {
            return detail;
        }

        var line = $"{Text.Get($"GroupStatus.{reported}")}: {detail}";
        return jobs > 0 ? $"{line} · {Text.Get("Board.JobsCreated", jobs)}" : line;
    }
}

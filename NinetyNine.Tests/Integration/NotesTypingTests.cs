using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Tests.Support;
using static NinetyNine.Tests.Support.HubClients;

namespace NinetyNine.Tests.Integration;

/// <summary>Two people typing continuously, keystroke by keystroke, each on their own line of the same notes.</summary>
public sealed class NotesTypingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Keystroke_by_keystroke_typing_on_two_lines_merges_cleanly()
    {
        var meetingId = await NewMeetingAsync(app);
        await using var a = await AgendaAsync(app, AppFactory.Coordinator, meetingId);
        await using var b = await AgendaAsync(app, AppFactory.CoreGroupMember, meetingId);
        var item = a.Items[1].Id;
        await a.EditNotesAsync(item, "Werkgelegenheid:\nInstroom:");
        await EventuallyAsync(() => b.NotesOf(item) == "Werkgelegenheid:\nInstroom:", "both have the two lines");

        await Task.WhenAll(
            TypeAsync(a, item, "Werkgelegenheid:", " plan klaar."),
            TypeAsync(b, item, "Instroom:", " twee gestart."));

        await EventuallyAsync(() => !a.HasUnsavedNotes(item) && !b.HasUnsavedNotes(item) && a.NotesOf(item) == b.NotesOf(item), "both settle on the same text");
        Assert.Equal("Werkgelegenheid: plan klaar.\nInstroom: twee gestart.", a.NotesOf(item));
    }

    /// <summary>Types one character at a time right after the end of the given line, as a person would.</summary>
    private static async Task TypeAsync(AgendaLive client, Guid item, string lineStart, string text)
    {
        var typed = string.Empty;
        foreach (var character in text)
        {
            var notes = client.NotesOf(item);
            var lineEnd = notes.IndexOf(lineStart, StringComparison.Ordinal) + lineStart.Length + typed.Length;
            typed += character;
            // As the browser does: the edit is reported with the text it was made on, so a merge that lands meanwhile is kept.
            await client.EditNotesAsync(item, notes, notes.Insert(lineEnd, character.ToString()));
            await Task.Delay(15);
        }
    }
}

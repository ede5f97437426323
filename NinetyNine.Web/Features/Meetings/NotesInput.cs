using Microsoft.AspNetCore.Components;

namespace NinetyNine.Web.Features.Meetings;

/// <summary>A keystroke in a notes field: the text before and after (see wwwroot/NinetyNine.Web.lib.module.js).</summary>
public sealed class NotesInputEventArgs : EventArgs
{
    public string? Previous { get; set; }
    public string? Value { get; set; }
}

[EventHandler("onnotesinput", typeof(NotesInputEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers
{
}

/// <summary>An edit of an item's notes as the person made it: from this text to that one.</summary>
public readonly record struct NotesEdit(Guid ItemId, string Previous, string Value);

using NinetyNine.Web.Features.Meetings.Live;

namespace NinetyNine.Web.Features.Meetings;

/// <summary>What an agenda item card asks the page to send: the intent only, the page adds the meeting and operation id.</summary>
public sealed record AgendaItemCommand(AgendaCommandKind Kind, Guid ItemId, string? Text = null, int? Number = null,
    string? Owner = null, DateOnly? DueOn = null, Guid? TargetId = null, bool? Flag = null);

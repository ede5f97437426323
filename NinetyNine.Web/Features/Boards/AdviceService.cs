using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Boards;

/// <summary>A lawyer's answer as typed.</summary>
public sealed class AdviceAnswerForm
{
    public string Answer { get; set; } = string.Empty;
}

public sealed class AdviceAnswerFormValidator : AbstractValidator<AdviceAnswerForm>
{
    public AdviceAnswerFormValidator() =>
        RuleFor(x => x.Answer).NotEmptyText("Field.LegalAnswer").MaxText(LegalAdvice.TextMaxLength, "Field.LegalAnswer");
}

/// <summary>
/// One legal question on a card, with only what a lawyer needs to answer it: the card's title, description and due
/// date and the theme group's name, never the rest of the board.
/// </summary>
public sealed record AdviceRequest(Guid BoardId, Guid CardId, string GroupName, string CardTitle, string CardDescription, DateOnly? DueOn,
    string Question, string AskedBy, DateTimeOffset AskedAt, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt)
{
    public bool IsOpen => Answer is null;

    /// <summary>Still open and its card's due date has passed (in the network's own time zone); set by the service.</summary>
    public bool IsLate { get; init; }
}

/// <summary>
/// The queue of the network's pro bono lawyers: the legal questions on every theme group board, open ones first and
/// newest first. Only advisors and the coordinator see it and answer; the answer goes through the board's own line, so
/// it is kept on the card, written in the board's history and seen live by everyone with the board open.
/// </summary>
public sealed class AdviceService(IDbContextFactory<NinetyNineDb> dbFactory, BoardService boards,
    IValidator<AdviceAnswerForm> validator, ILogger<AdviceService> logger, TimeProvider time)
{
    public async Task<IReadOnlyList<AdviceRequest>> QueueAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureAdvisorAsync(db, member, cancellationToken);
        var groups = await db.ThemeGroups.AsNoTracking().Where(g => g.NetworkId == member.NetworkId)
            .ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var boardsOfNetwork = await db.Boards.AsNoTracking().AsSplitQuery().Where(b => b.NetworkId == member.NetworkId).ToListAsync(cancellationToken);
        var timeZone = await db.Networks.AsNoTracking().Where(n => n.Id == member.NetworkId).Select(n => n.TimeZoneId).SingleAsync(cancellationToken);
        var today = DateOnly.FromDateTime(Network.LocalNow(time, timeZone));
        // Every question stays in the queue with its answer, earlier ones too; an open question on an archived card has no one to answer.
        var requests = boardsOfNetwork.SelectMany(b => b.Cards.SelectMany(c => c.EarlierLegalAdvice.Append(c.LegalAdvice)
            .OfType<LegalAdvice>()
            .Where(a => !(c.IsArchived && a.IsOpen))
            .Select(a => new AdviceRequest(b.Id.Value, c.Id.Value, groups.GetValueOrDefault(b.ThemeGroupId, "?"), c.Fields.Title, c.Fields.Description,
                c.Fields.DueOn, a.Question, a.AskedBy, a.AskedAt, a.Answer, a.AnsweredBy, a.AnsweredAt)
            {
                IsLate = a.IsOpen && c.Fields.DueOn is { } due && due < today,
            })));
        return [.. requests.OrderBy(r => r.IsOpen ? 0 : 1).ThenByDescending(r => r.IsOpen ? r.AskedAt : r.AnsweredAt)];
    }

    /// <summary>Answers the open question of a card; refused (with a reason fit to show) when it cannot be.</summary>
    public async Task<BoardResult> AnswerAsync(CurrentMember member, Guid boardId, Guid operationId, Guid cardId, AdviceAnswerForm form,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(form);
        await EnsureAdvisorAsync(member, cancellationToken);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        return await boards.AnswerLegalAdviceAsync(member, boardId, operationId, cardId, form.Answer, cancellationToken);
    }

    /// <summary>Throws <see cref="ForbiddenException"/> unless the person may see the queue.</summary>
    public async Task EnsureAdvisorAsync(CurrentMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureAdvisorAsync(db, member, cancellationToken);
    }

    private async Task EnsureAdvisorAsync(NinetyNineDb db, CurrentMember member, CancellationToken cancellationToken)
    {
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
        if (!BoardService.MayAnswerLegalQuestions(member, network))
        {
            logger.LogWarning("Refused the legal advice queue to someone who is not an advisor");
            throw new ForbiddenException();
        }
    }
}

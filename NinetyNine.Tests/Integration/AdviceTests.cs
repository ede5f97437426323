using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Boards;
using NinetyNine.Web.Security;

namespace NinetyNine.Tests.Integration;

/// <summary>The lawyers' queue: who sees it, who answers, where the answer goes, and what a lawyer cannot open.</summary>
public sealed class AdviceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private AdviceService Advice => app.Services.GetRequiredService<AdviceService>();

    [Fact]
    public async Task The_advisor_sees_the_two_open_questions_answers_one_and_the_answer_is_on_the_card_in_the_history_and_live_on_the_board()
    {
        var eva = await app.MemberAsync(AppFactory.Advisor);
        var queue = await Advice.QueueAsync(eva);
        Assert.Equal(2, queue.Count(r => r.IsOpen));
        var question = Assert.Single(queue, r => r.CardTitle == "Banenafspraak: tellen de uren bij een inleenconstructie mee?");
        Assert.StartsWith("Tellen de uren van een ingeleende medewerker", question.Question, StringComparison.Ordinal);

        // Someone with the board open sees the answer arrive.
        await using var board = await HubLive.BoardAsync(app, AppFactory.Coordinator, question.BoardId);

        var result = await Advice.AnswerAsync(eva, question.BoardId, Guid.NewGuid(), question.CardId,
            new AdviceAnswerForm { Answer = "Ze tellen mee voor de inlener, mits de medewerker in het doelgroepregister staat." });

        Assert.True(result.Accepted, result.Error);
        await HubClients.EventuallyAsync(() => board.Card(question.CardId)?.LegalAdvice?.Answer?.StartsWith("Ze tellen mee", StringComparison.Ordinal) == true,
            "the answer arrives on the open board");
        var after = await Advice.QueueAsync(eva);
        Assert.Equal(1, after.Count(r => r.IsOpen));
        var answered = Assert.Single(after, r => r.CardId == question.CardId);
        Assert.Equal(("mr. Eva Lammers", false), (answered.AnsweredBy, answered.IsOpen));

        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var history = await app.Services.GetRequiredService<BoardService>().HistoryAsync(coordinator, question.BoardId, question.CardId);
        Assert.Equal(("LegalAnswered", "mr. Eva Lammers"), (history[0].Kind, history[0].PersonName));

        // A second answer to the same question is refused: it is no longer open.
        Assert.False((await Advice.AnswerAsync(eva, question.BoardId, Guid.NewGuid(), question.CardId, new AdviceAnswerForm { Answer = "Nog eens." })).Accepted);
    }

    [Fact]
    public async Task An_open_question_whose_card_is_past_its_due_date_is_late_and_one_due_today_is_not()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var boards = app.Services.GetRequiredService<BoardService>();
        var boardId = (await Advice.QueueAsync(coordinator))[0].BoardId;
        var columns = (await boards.SnapshotAsync(coordinator, boardId))!.Columns;
        var today = DateOnly.FromDateTime((await app.NetworkAsync()).LocalNow(TimeProvider.System));
        var past = await boards.AddCardAsync(coordinator, boardId, Guid.NewGuid(), columns[0].Id,
            BoardService.StateOf(NinetyNine.Domain.Boards.CardFields.New("Verlopen vraag") with { DueOn = today.AddDays(-1) }));
        var due = await boards.AddCardAsync(coordinator, boardId, Guid.NewGuid(), columns[0].Id,
            BoardService.StateOf(NinetyNine.Domain.Boards.CardFields.New("Vraag van vandaag") with { DueOn = today }));
        Assert.True((await boards.AskLegalAdviceAsync(coordinator, boardId, Guid.NewGuid(), past.CardId!.Value, "Is dit nog op tijd?")).Accepted);
        Assert.True((await boards.AskLegalAdviceAsync(coordinator, boardId, Guid.NewGuid(), due.CardId!.Value, "En dit?")).Accepted);

        var queue = await Advice.QueueAsync(await app.MemberAsync(AppFactory.Advisor));

        Assert.True(Assert.Single(queue, r => r.CardId == past.CardId).IsLate);
        Assert.False(Assert.Single(queue, r => r.CardId == due.CardId).IsLate);

        // Answered, a question is never late (and the other tests of this class again see the seed's open questions).
        var eva = await app.MemberAsync(AppFactory.Advisor);
        foreach (var card in new[] { past.CardId!.Value, due.CardId!.Value })
        {
            Assert.True((await Advice.AnswerAsync(eva, boardId, Guid.NewGuid(), card, new AdviceAnswerForm { Answer = "Ja." })).Accepted);
        }

        Assert.False(Assert.Single(await Advice.QueueAsync(eva), r => r.CardId == past.CardId).IsLate);
    }

    [Theory]
    [InlineData(AppFactory.Participant)]
    [InlineData(AppFactory.ThemeLead)]
    [InlineData(AppFactory.CoreGroupMember)]
    public async Task Nobody_but_an_advisor_or_the_coordinator_sees_the_queue_or_answers(string email)
    {
        var eva = await app.MemberAsync(AppFactory.Advisor);
        var open = (await Advice.QueueAsync(eva)).First(r => r.IsOpen);
        var member = await app.MemberAsync(email);

        await Assert.ThrowsAsync<ForbiddenException>(() => Advice.QueueAsync(member));
        await Assert.ThrowsAsync<ForbiddenException>(() => Advice.AnswerAsync(member, open.BoardId, Guid.NewGuid(), open.CardId, new AdviceAnswerForm { Answer = "Mag ik niet." }));
        // Not through the board's own path either: the internal method checks the role again.
        var direct = await app.Services.GetRequiredService<BoardService>().AnswerLegalAdviceAsync(member, open.BoardId, Guid.NewGuid(), open.CardId, "Mag ik niet.");
        Assert.False(direct.Accepted);
        Assert.True((await Advice.QueueAsync(eva)).Single(r => r.CardId == open.CardId).IsOpen);
    }

    [Fact]
    public async Task An_advisor_cannot_open_a_board_through_the_hub()
    {
        var eva = await app.MemberAsync(AppFactory.Advisor);
        var boardId = (await Advice.QueueAsync(eva))[0].BoardId;
        await using var connection = await HubClients.ConnectionAsync(app, AppFactory.Advisor, hubPath: BoardHub.Path);
        await connection.StartAsync();

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<BoardSnapshot>("Join", boardId));
    }

    [Fact]
    public async Task An_empty_answer_is_refused_with_the_fields_message()
    {
        var eva = await app.MemberAsync(AppFactory.Advisor);
        var open = (await Advice.QueueAsync(eva)).First(r => r.IsOpen);
        var e = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Advice.AnswerAsync(eva, open.BoardId, Guid.NewGuid(), open.CardId, new AdviceAnswerForm { Answer = "  " }));
        Assert.Equal("Antwoord is verplicht.", Assert.Single(e.Errors).ErrorMessage);
    }

    [Fact]
    public async Task A_new_question_on_an_answered_card_keeps_the_earlier_answer_in_the_queue_and_in_the_database()
    {
        var eva = await app.MemberAsync(AppFactory.Advisor);
        var boardId = (await Advice.QueueAsync(eva))[0].BoardId;
        await using var sanne = await HubLive.BoardAsync(app, AppFactory.Coordinator, boardId);
        var cardId = (await sanne.AddCardAsync(sanne.Columns[0].Id, BoardService.StateOf(NinetyNine.Domain.Boards.CardFields.New("Inleenconstructie")))).CardId!.Value;
        Assert.True((await sanne.AskLegalAdviceAsync(cardId, "Telt inlenen mee?")).Accepted);
        Assert.True((await Advice.AnswerAsync(eva, boardId, Guid.NewGuid(), cardId, new AdviceAnswerForm { Answer = "Ja, voor de inlener." })).Accepted);

        Assert.True((await sanne.AskLegalAdviceAsync(cardId, "En voor de uitlener?")).Accepted);

        var ofCard = (await Advice.QueueAsync(eva)).Where(r => r.CardId == cardId).ToList();
        Assert.Equal(2, ofCard.Count);
        Assert.Equal("En voor de uitlener?", ofCard.Single(r => r.IsOpen).Question);
        Assert.Equal(("Telt inlenen mee?", "Ja, voor de inlener."), (ofCard.Single(r => !r.IsOpen).Question, ofCard.Single(r => !r.IsOpen).Answer));
        // Answered too, so the other tests of this class find the seeded open questions only.
        Assert.True((await Advice.AnswerAsync(eva, boardId, Guid.NewGuid(), cardId, new AdviceAnswerForm { Answer = "Nee." })).Accepted);
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var stored = (await db.Boards.AsNoTracking().SingleAsync(b => b.Id == new NinetyNine.Domain.Common.BoardId(boardId))).Cards.Single(c => c.Id.Value == cardId);
        Assert.Equal(("Telt inlenen mee?", "mr. Eva Lammers"), (stored.EarlierLegalAdvice.Single().Question, stored.EarlierLegalAdvice.Single().AnsweredBy));
        Assert.Equal(("En voor de uitlener?", "Nee."), (stored.LegalAdvice!.Question, stored.LegalAdvice.Answer));
    }

    [Fact]
    public async Task An_advisor_with_the_queue_open_hears_of_a_new_question_and_others_may_not_listen()
    {
        var eva = await app.MemberAsync(AppFactory.Advisor);
        var boardId = (await Advice.QueueAsync(eva))[0].BoardId;
        var told = 0;
        await using var queue = await HubLive.AdviceAsync(app, AppFactory.Advisor, () => Interlocked.Increment(ref told));
        await using var sanne = await HubLive.BoardAsync(app, AppFactory.Coordinator, boardId);

        // A card without a question tells the queue nothing; asking on it does.
        var cardId = (await sanne.AddCardAsync(sanne.Columns[0].Id, BoardService.StateOf(NinetyNine.Domain.Boards.CardFields.New("Jobcoach")))).CardId!.Value;
        Assert.True((await sanne.AskLegalAdviceAsync(cardId, "Wie betaalt de jobcoach?")).Accepted);
        await HubClients.EventuallyAsync(() => Volatile.Read(ref told) == 1, "the queue hears of the question");
        Assert.True((await Advice.AnswerAsync(eva, boardId, Guid.NewGuid(), cardId, new AdviceAnswerForm { Answer = "Het UWV, via de werkgever." })).Accepted);
        await HubClients.EventuallyAsync(() => Volatile.Read(ref told) == 2, "the queue hears of the answer");

        foreach (var email in new[] { AppFactory.Participant, AppFactory.ThemeLead, AppFactory.CoreGroupMember })
        {
            await Assert.ThrowsAsync<HubException>(() => HubLive.AdviceAsync(app, email, () => { }));
        }
    }
}

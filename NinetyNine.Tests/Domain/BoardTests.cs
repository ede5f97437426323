using CsCheck;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.ThemeGroups;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

/// <summary>A theme group's board: columns, dense card positions, archive and restore, per-field conflicts, legal advice.</summary>
public class BoardTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Joost = PersonId.New();

    private static Board NewBoard() =>
        Board.Open(ThemeGroup.Start(FoundNetwork(), "Werkgelegenheid creëren", "Nieuwe banen.", 0));

    private static Card Add(Board board, string title, int column = 0) =>
        board.AddCard(board.Columns[column].Id, CardFields.New(title), Joost, Now);

    private static string[] Titles(Board board, int column) => [.. board.CardsIn(board.Columns[column].Id).Select(c => c.Fields.Title)];

    [Fact]
    public void A_new_board_has_the_default_columns()
    {
        Assert.Equal(["Idee", "Gepland", "Bezig", "Afgerond"], NewBoard().Columns.Select(c => c.Name));
    }

    [Fact]
    public void Cards_are_added_at_the_bottom_and_moves_keep_positions_dense_in_both_columns()
    {
        var board = NewBoard();
        var a = Add(board, "A");
        Add(board, "B");
        var c = Add(board, "C");

        board.MoveCard(c.Id, board.Columns[0].Id, 0);
        Assert.Equal(["C", "A", "B"], Titles(board, 0));

        board.MoveCard(a.Id, board.Columns[2].Id, 5);
        Assert.Equal(["C", "B"], Titles(board, 0));
        Assert.Equal(["A"], Titles(board, 2));
        Assert.Equal(board.Columns[2].Id, a.ColumnId);
        Assert.True(board.PositionsAreDense());
    }

    [Fact]
    public void Positions_stay_dense_and_unique_whatever_is_added_moved_archived_or_restored()
    {
        Gen.Int[0, 4].Array[1, 60].Sample(script =>
        {
            var board = NewBoard();
            var random = new Random(script.Length);
            foreach (var op in script)
            {
                var active = board.Cards.Where(x => !x.IsArchived).ToList();
                var archived = board.Cards.Where(x => x.IsArchived).ToList();
                var column = board.Columns[random.Next(board.Columns.Count)].Id;
                switch (op)
                {
                    case 0 or 1:
                        board.AddCard(column, CardFields.New($"kaart {board.Cards.Count}"), Joost, Now);
                        break;
                    case 2 when active.Count > 0:
                        board.MoveCard(active[random.Next(active.Count)].Id, column, random.Next(-1, 8));
                        break;
                    case 3 when active.Count > 0:
                        board.ArchiveCard(active[random.Next(active.Count)].Id);
                        break;
                    case 4 when archived.Count > 0:
                        board.RestoreCard(archived[random.Next(archived.Count)].Id);
                        break;
                }

                if (!board.PositionsAreDense())
                {
                    return false;
                }
            }

            return board.Columns.Sum(col => board.CardsIn(col.Id).Count) == board.Cards.Count(x => !x.IsArchived);
        }, iter: 300);
    }

    [Fact]
    public void A_column_holding_cards_cannot_be_archived_an_empty_one_can_and_comes_back()
    {
        var board = NewBoard();
        var card = Add(board, "Plan van aanpak", column: 1);
        var planned = board.Columns[1];

        ThrowsCode("Board.ColumnNotEmpty", () => board.ArchiveColumn(planned.Id));
        board.ArchiveCard(card.Id);
        board.ArchiveColumn(planned.Id);

        Assert.Equal(["Idee", "Bezig", "Afgerond"], board.Columns.Select(c => c.Name));
        Assert.Equal([0, 1, 2], board.Columns.Select(c => c.Position));
        // A card restored while its column is archived goes to the first column.
        board.RestoreCard(card.Id);
        Assert.Equal(board.Columns[0].Id, card.ColumnId);
        board.RestoreColumn(planned.Id);
        Assert.Equal("Gepland", board.Columns[^1].Name);
    }

    [Fact]
    public void Columns_are_renamed_added_and_reordered_with_unique_names()
    {
        var board = NewBoard();
        var waiting = board.AddColumn("Wacht op gemeente");
        board.MoveColumn(waiting.Id, 1);
        board.RenameColumn(board.Columns[0].Id, "Ideeën");

        Assert.Equal(["Ideeën", "Wacht op gemeente", "Gepland", "Bezig", "Afgerond"], board.Columns.Select(c => c.Name));
        ThrowsCode("Board.ColumnNameTaken", () => board.AddColumn("bezig"));
        ThrowsCode("Text.Required", () => board.RenameColumn(waiting.Id, " "));
    }

    [Fact]
    public void Archived_cards_keep_their_data_and_are_restored_at_the_bottom()
    {
        var board = NewBoard();
        var a = Add(board, "A");
        Add(board, "B");
        board.Comment(a.Id, Joost, "Joost", "Eerst met de wethouder praten", Now);

        board.ArchiveCard(a.Id);
        Assert.Equal(["B"], Titles(board, 0));
        ThrowsCode("Board.CardArchived", () => board.MoveCard(a.Id, board.Columns[1].Id, 0));

        board.RestoreCard(a.Id);
        Assert.Equal(["B", "A"], Titles(board, 0));
        Assert.Single(a.Comments);
    }

    [Fact]
    public void An_edit_on_a_stale_card_takes_untouched_fields_and_reports_the_ones_changed_since_with_both_values()
    {
        var board = NewBoard();
        var card = Add(board, "Banenmarkt");
        var seen = card.Fields;
        var owner = PersonId.New();

        // Someone else changed the title and the due date meanwhile.
        board.EditCard(card.Id, seen, seen with { Title = "Banenmarkt Hengelo", DueOn = new DateOnly(2027, 3, 1) });
        var outcome = board.EditCard(card.Id, seen, seen with { Title = "Banenmarkt Almelo", DueOn = new DateOnly(2027, 3, 1), OwnerId = owner });

        Assert.Equal(["OwnerId"], outcome.Changed);
        var conflict = Assert.Single(outcome.Conflicts);
        Assert.Equal(("Title", (object?)"Banenmarkt Hengelo", (object?)"Banenmarkt Almelo"), (conflict.Field, conflict.Theirs, conflict.Mine));
        Assert.Equal(("Banenmarkt Hengelo", owner), (card.Fields.Title, card.Fields.OwnerId));

        // Choosing "mine" is an edit made on what is there now.
        var resolved = board.EditCard(card.Id, card.Fields, card.Fields with { Title = "Banenmarkt Almelo" });
        Assert.False(resolved.HasConflicts);
        Assert.Equal("Banenmarkt Almelo", card.Fields.Title);
    }

    [Fact]
    public void Card_fields_are_trimmed_deduplicated_and_funding_details_dropped_when_not_needed()
    {
        var board = NewBoard();
        var employer = EmployerId.New();
        var card = board.AddCard(board.Columns[0].Id,
            CardFields.New("  Leerwerkplekken  ") with
            {
                Stakeholders = ["UWV", " uwv ", "gemeente", ""],
                Employers = [employer, employer],
                Funding = FundingStatus.NotNeeded,
                FundedBy = employer,
                FundingAmount = 500,
            }, Joost, Now);

        Assert.Equal("Leerwerkplekken", card.Fields.Title);
        Assert.Equal(["UWV", "gemeente"], card.Fields.Stakeholders);
        Assert.Single(card.Fields.Employers);
        Assert.Null(card.Fields.FundedBy);
        Assert.Null(card.Fields.FundingAmount);
        ThrowsCode("Board.FundingAmount", () => board.AddCard(board.Columns[0].Id, CardFields.New("x") with { Funding = FundingStatus.Arranged, FundingAmount = -1 }, Joost, Now));
        ThrowsCode("Board.TooManyTags", () => board.AddCard(board.Columns[0].Id, CardFields.New("x") with { Labels = [.. Enumerable.Range(0, 13).Select(i => $"l{i}")] }, Joost, Now));
    }

    [Fact]
    public void A_card_carries_one_open_legal_question_at_a_time_and_keeps_the_answer()
    {
        var board = NewBoard();
        var card = Add(board, "Proefplaatsing");

        ThrowsCode("Board.NoOpenQuestion", () => board.AnswerLegalAdvice(card.Id, "x", "mr. Lammers", Now));
        Assert.True(card.AcceptsLegalQuestion);
        board.AskLegalAdvice(card.Id, "Mag een proefplaatsing langer dan twee maanden?", "Joost", Now);
        Assert.False(card.AcceptsLegalQuestion);
        ThrowsCode("Board.AdviceAlreadyAsked", () => board.AskLegalAdvice(card.Id, "Nog een vraag", "Joost", Now));
        board.AnswerLegalAdvice(card.Id, "Ja, met instemming van het UWV.", "mr. Lammers", Now.AddDays(2));
        Assert.True(card.AcceptsLegalQuestion);
        board.ArchiveCard(card.Id);
        Assert.False(card.AcceptsLegalQuestion);
        ThrowsCode("Board.CardArchived", () => board.AskLegalAdvice(card.Id, "En daarna?", "Joost", Now.AddDays(3)));
        board.RestoreCard(card.Id);

        Assert.False(card.LegalAdvice!.IsOpen);
        Assert.Equal(("Ja, met instemming van het UWV.", "mr. Lammers"), (card.LegalAdvice.Answer, card.LegalAdvice.AnsweredBy));
        board.AskLegalAdvice(card.Id, "En daarna?", "Joost", Now.AddDays(3));
        Assert.True(card.LegalAdvice.IsOpen);
    }

    [Fact]
    public void A_new_legal_question_keeps_the_answered_ones_before_it_oldest_first()
    {
        var board = NewBoard();
        var card = Add(board, "Proefplaatsing");
        Assert.Empty(card.EarlierLegalAdvice);

        board.AskLegalAdvice(card.Id, "Eerste vraag?", "Joost", Now);
        board.AnswerLegalAdvice(card.Id, "Eerste antwoord.", "mr. Lammers", Now.AddDays(1));
        board.AskLegalAdvice(card.Id, "Tweede vraag?", "Joost", Now.AddDays(2));
        Assert.DoesNotContain(card.EarlierLegalAdvice, a => a.IsOpen);
        board.AnswerLegalAdvice(card.Id, "Tweede antwoord.", "mr. Lammers", Now.AddDays(3));
        var revision = card.Revision;
        board.AskLegalAdvice(card.Id, "Derde vraag?", "Henk", Now.AddDays(4));

        Assert.Equal(["Eerste vraag?", "Tweede vraag?"], card.EarlierLegalAdvice.Select(a => a.Question));
        Assert.Equal(["Eerste antwoord.", "Tweede antwoord."], card.EarlierLegalAdvice.Select(a => a.Answer));
        Assert.Equal(("Derde vraag?", true), (card.LegalAdvice!.Question, card.LegalAdvice.IsOpen));
        Assert.Equal(revision + 1, card.Revision);
    }

    [Fact]
    public void A_refused_question_changes_nothing_on_the_card()
    {
        var board = NewBoard();
        var card = Add(board, "Proefplaatsing");
        board.AskLegalAdvice(card.Id, "Eerste vraag?", "Joost", Now);
        board.AnswerLegalAdvice(card.Id, "Eerste antwoord.", "mr. Lammers", Now.AddDays(1));

        ThrowsCode("Text.Required", () => board.AskLegalAdvice(card.Id, "   ", "Joost", Now.AddDays(2)));

        Assert.Empty(card.EarlierLegalAdvice);
        Assert.Equal("Eerste antwoord.", card.LegalAdvice!.Answer);
    }

    [Fact]
    public void The_checklist_of_a_card_and_every_change_raise_its_revision()
    {
        var board = NewBoard();
        var card = Add(board, "Open dag");
        var revision = card.Revision;

        var entry = board.AddChecklistEntry(card.Id, "Uitnodiging versturen");
        board.SetChecklistEntry(card.Id, entry.Id, true);

        Assert.True(card.Checklist.Single().Done);
        Assert.Equal(revision + 2, card.Revision);
        board.RemoveChecklistEntry(card.Id, entry.Id);
        Assert.Empty(card.Checklist);
        ThrowsCode("Board.UnknownEntry", () => board.SetChecklistEntry(card.Id, entry.Id, false));
    }

    [Fact]
    public void Overdue_is_a_due_date_before_today_on_a_card_that_is_not_archived()
    {
        var board = NewBoard();
        var card = board.AddCard(board.Columns[0].Id, CardFields.New("Subsidie") with { DueOn = new DateOnly(2026, 11, 30) }, Joost, Now);

        Assert.True(card.IsOverdue(new DateOnly(2026, 12, 1)));
        Assert.False(card.IsOverdue(new DateOnly(2026, 11, 30)));
        board.ArchiveCard(card.Id);
        Assert.False(card.IsOverdue(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void A_status_report_needs_a_status_and_text()
    {
        var group = ThemeGroup.Start(FoundNetwork(), "Kennisuitwisseling", "Delen.", 3);
        var report = StatusReport.Write(group, GroupStatus.AtRisk, " Twee bijeenkomsten uitgesteld ", "Nieuwe spreker", 2, Joost, "Joost", Now);

        Assert.Equal("Twee bijeenkomsten uitgesteld", report.Text);
        Assert.Contains("Nieuwe spreker", report.AgendaLine("Risico"), StringComparison.Ordinal);
        ThrowsCode("Text.Required", () => StatusReport.Write(group, GroupStatus.OnTrack, " ", null, 0, Joost, "Joost", Now));
        ThrowsCode("Board.UnknownStatus", () => StatusReport.Write(group, (GroupStatus)9, "x", null, 0, Joost, "Joost", Now));
        ThrowsCode("Board.JobsOutOfRange", () => StatusReport.Write(group, GroupStatus.OnTrack, "x", null, -1, Joost, "Joost", Now));
    }
}

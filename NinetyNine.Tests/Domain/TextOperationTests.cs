using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

/// <summary>
/// Operational transform for plain text: an edit made against a text of known length, applied, composed with the next
/// one, and brought together with an edit someone else made at the same time, caret included.
/// </summary>
public class TextOperationTests
{
    [Fact]
    public void An_operation_retains_inserts_and_deletes_in_order()
    {
        var op = TextOperation.Create().Retain(11).Insert("Hengelo").Delete(6).Retain(1).Build();

        Assert.Equal(18, op.BaseLength);
        Assert.Equal(19, op.TargetLength);
        Assert.Equal("Overleg in Hengelo.", op.Apply("Overleg in Zwolle."));
        Assert.Equal("[11,\"Hengelo\",-6,1]", op.ToJson());
    }

    [Fact]
    public void The_json_shape_round_trips_and_is_kept_in_normal_form()
    {
        var op = TextOperation.Parse("[2,3,\"ab\",\"c\",-1,-2]");

        Assert.Equal("[5,\"abc\",-3]", op.ToJson());
        Assert.Equal(op, TextOperation.Parse(op.ToJson()));
        // A delete written before an insert at the same place is the same edit as the insert first.
        Assert.Equal(TextOperation.Parse("[1,\"x\",-1]"), TextOperation.Parse("[1,-1,\"x\"]"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[0]")]
    [InlineData("[\"\"]")]
    [InlineData("[1.5]")]
    [InlineData("[true]")]
    [InlineData("[[1]]")]
    [InlineData("[1,")]
    [InlineData("[null]")]
    [InlineData("[99999999999]")]
    public void A_malformed_operation_is_refused(string json)
    {
        ThrowsCode("TextOperation.Malformed", () => TextOperation.Parse(json));
    }

    [Theory]
    [InlineData("[\"a\\u0000b\"]")]
    [InlineData("[\"bel\\u0007\"]")]
    [InlineData("[\"esc\\u001b[2J\"]")]
    [InlineData("[\"\\r\"]")]
    public void Control_characters_other_than_tab_and_newline_are_refused(string json)
    {
        ThrowsCode("TextOperation.ControlCharacter", () => TextOperation.Parse(json));
    }

    [Fact]
    public void Tab_and_newline_are_typed_text()
    {
        Assert.Equal("a\tb\nc", TextOperation.Parse("[\"a\\tb\\nc\"]").Apply(string.Empty));
    }

    [Fact]
    public void An_operation_longer_than_the_longest_notes_allow_is_refused()
    {
        ThrowsCode("TextOperation.TooLong", () => TextOperation.Parse($"[{TextOperation.MaxLength + 1}]"));
        ThrowsCode("TextOperation.TooLong", () => TextOperation.Parse($"[\"{new string('x', TextOperation.MaxLength + 1)}\"]"));
        ThrowsCode("TextOperation.TooLong", () => TextOperation.Parse($"[-{int.MaxValue}]"));
    }

    [Fact]
    public void Applying_to_a_text_of_another_length_is_refused()
    {
        var op = TextOperation.Create().Retain(3).Insert("!").Build();

        ThrowsCode("TextOperation.BaseMismatch", () => op.Apply("abcd"));
        ThrowsCode("TextOperation.BaseMismatch", () => op.Apply("ab"));
    }

    [Fact]
    public void Replace_finds_the_one_changed_region()
    {
        var op = TextOperation.Replace("Afspraak met de gemeente.", "Afspraak met gemeente Almelo.");

        Assert.Equal("[13,\"gemeente Almelo\",-11,1]", op.ToJson());
        Assert.Equal("Afspraak met gemeente Almelo.", op.Apply("Afspraak met de gemeente."));
    }

    [Fact]
    public void Replace_puts_a_doubled_letter_where_the_caret_says_it_was_typed()
    {
        // "Werkgel|egenheid": an "e" typed at the caret (7) reads as an insert at 8 without the caret.
        Assert.Equal("[8,\"e\",7]", TextOperation.Replace("Werkgelegenheid", "Werkgeleegenheid").ToJson());
        Assert.Equal("[7,\"e\",8]", TextOperation.Replace("Werkgelegenheid", "Werkgeleegenheid", caret: 8).ToJson());
        // Backspace of the second of two "e"s: the caret ends at the deleted place.
        Assert.Equal("[8,-1,7]", TextOperation.Replace("Werkgeleegenheid", "Werkgelegenheid", caret: 8).ToJson());
    }

    [Fact]
    public void Compose_has_the_effect_of_both_in_turn()
    {
        const string text = "Instroom: twee.";
        var first = TextOperation.Replace(text, "Instroom: twee kandidaten.");
        var second = TextOperation.Replace("Instroom: twee kandidaten.", "Instroom: drie kandidaten gestart.");

        var both = first.Compose(second);

        Assert.Equal("Instroom: drie kandidaten gestart.", both.Apply(text));
        Assert.Equal(text.Length, both.BaseLength);
        ThrowsCode("TextOperation.BaseMismatch", () => second.Compose(second));
    }

    [Fact]
    public void An_insert_deleted_by_the_next_operation_leaves_nothing()
    {
        var insert = TextOperation.Create().Retain(2).Insert("xyz").Build();
        var delete = TextOperation.Create().Retain(2).Delete(3).Build();

        Assert.True(insert.Compose(delete).IsNoop);
    }

    [Fact]
    public void Transform_makes_two_concurrent_edits_converge_and_keeps_both()
    {
        const string text = "Werkgelegenheid:\nInstroom:";
        var sanne = TextOperation.Replace(text, "Werkgelegenheid: plan klaar.\nInstroom:");
        var marloes = TextOperation.Replace(text, "Werkgelegenheid:\nInstroom: twee gestart.");

        var (sannePrime, marloesPrime) = TextOperation.Transform(sanne, marloes);

        var viaSanne = marloesPrime.Apply(sanne.Apply(text));
        var viaMarloes = sannePrime.Apply(marloes.Apply(text));
        Assert.Equal("Werkgelegenheid: plan klaar.\nInstroom: twee gestart.", viaSanne);
        Assert.Equal(viaSanne, viaMarloes);
    }

    [Fact]
    public void Inserts_at_the_same_place_put_the_first_operand_first_whichever_way_they_meet()
    {
        var a = TextOperation.Create().Retain(3).Insert("AAA").Build();
        var b = TextOperation.Create().Retain(3).Insert("bbb").Build();

        var (aPrime, bPrime) = TextOperation.Transform(a, b);

        Assert.Equal("123AAAbbb", bPrime.Apply(a.Apply("123")));
        Assert.Equal("123AAAbbb", aPrime.Apply(b.Apply("123")));
    }

    [Fact]
    public void Deleting_the_same_text_twice_deletes_it_once_and_an_insert_inside_a_deleted_range_survives()
    {
        const string text = "een twee drie";
        var a = TextOperation.Create().Retain(4).Delete(5).Retain(4).Build(); // "een drie"
        var b = TextOperation.Create().Retain(6).Insert("EE").Delete(3).Retain(4).Build(); // "een twEEdrie"

        var (aPrime, bPrime) = TextOperation.Transform(a, b);

        Assert.Equal(bPrime.Apply(a.Apply(text)), aPrime.Apply(b.Apply(text)));
        Assert.Equal("een EEdrie", bPrime.Apply(a.Apply(text)));
    }

    [Fact]
    public void Transform_of_edits_made_on_different_texts_is_refused()
    {
        var a = TextOperation.Create().Retain(3).Build();
        var b = TextOperation.Create().Retain(4).Build();

        ThrowsCode("TextOperation.BaseMismatch", () => TextOperation.Transform(a, b));
    }

    [Fact]
    public void A_caret_moves_with_text_inserted_before_it_and_stays_at_the_end_of_its_own_words()
    {
        // "Instroom:|" — the caret is at 9, right after what this person typed.
        var before = TextOperation.Create().Insert("Nieuw: ").Retain(9).Build();
        var atCaret = TextOperation.Create().Retain(9).Insert(" (Marloes)").Build();
        var after = TextOperation.Create().Retain(9).Insert(" x").Build();

        Assert.Equal(16, before.TransformIndex(9));
        Assert.Equal(9, atCaret.TransformIndex(9));
        Assert.Equal(4, after.TransformIndex(4));
    }

    [Fact]
    public void A_caret_in_a_deleted_range_goes_to_its_start_and_one_after_it_moves_back()
    {
        var delete = TextOperation.Create().Retain(2).Delete(5).Retain(3).Build();

        Assert.Equal(2, delete.TransformIndex(4));
        Assert.Equal(2, delete.TransformIndex(7));
        Assert.Equal(4, delete.TransformIndex(9));
        Assert.Equal(1, delete.TransformIndex(1));
    }

    [Fact]
    public void Random_concurrent_edits_always_converge()
    {
        for (var seed = 0; seed < 500; seed++)
        {
            var random = new Random(seed);
            var text = RandomText(random, random.Next(0, 20));
            var a = RandomEdit(random, text);
            var b = RandomEdit(random, text);

            var (aPrime, bPrime) = TextOperation.Transform(a, b);

            Assert.True(bPrime.Apply(a.Apply(text)) == aPrime.Apply(b.Apply(text)), $"seed {seed}: '{text}' {a} {b}");
            Assert.Equal(b.Apply(text).Length, aPrime.BaseLength);
            var c = RandomEdit(random, a.Apply(text));
            Assert.Equal(c.Apply(a.Apply(text)), a.Compose(c).Apply(text));
        }
    }

    // ---- On an agenda item ---------------------------------------------------------------------

    [Fact]
    public void Edits_of_the_notes_count_revisions_and_a_late_edit_is_transformed_against_those_since_its_base()
    {
        var meeting = Meeting.Schedule(NetworkId.New(), new DateTime(2026, 2, 2, 9, 0, 0), 60, MeetingMode.Video, null, new DateTime(2026, 2, 2, 9, 0, 0));
        var item = meeting.Agenda[0];
        meeting.EditNotes(item.Id, 0, Guid.NewGuid(), TextOperation.Replace(string.Empty, "Werkgelegenheid:\nInstroom:"));
        Assert.Equal(1, item.NotesRevision);

        // Both made their edit on revision 1.
        var sanne = meeting.EditNotes(item.Id, 1, Guid.NewGuid(), TextOperation.Replace("Werkgelegenheid:\nInstroom:", "Werkgelegenheid: plan klaar.\nInstroom:"));
        var marloesId = Guid.NewGuid();
        var marloes = meeting.EditNotes(item.Id, 1, marloesId, TextOperation.Replace("Werkgelegenheid:\nInstroom:", "Werkgelegenheid:\nInstroom: twee."));

        Assert.Equal("Werkgelegenheid: plan klaar.\nInstroom: twee.", item.Notes);
        Assert.Equal((2L, 3L), (sanne.Revision, marloes.Revision));
        Assert.Equal(marloesId, marloes.OperationId);
        // What others apply on top of revision 2 is the transformed edit.
        Assert.Equal(item.Notes, marloes.Operation.Apply("Werkgelegenheid: plan klaar.\nInstroom:"));
        Assert.Equal([2L, 3L], item.NotesSince(1)!.Select(s => s.Revision));
        Assert.Empty(item.NotesSince(3)!);
    }

    [Fact]
    public void An_edit_on_a_revision_the_server_does_not_have_or_no_longer_keeps_is_refused()
    {
        var meeting = Meeting.Schedule(NetworkId.New(), new DateTime(2026, 2, 2, 9, 0, 0), 60, MeetingMode.Video, null, new DateTime(2026, 2, 2, 9, 0, 0));
        var item = meeting.Agenda[0];
        ThrowsCode("Agenda.NotesRevisionUnknown", () => meeting.EditNotes(item.Id, 5, Guid.NewGuid(), TextOperation.Create().Insert("x").Build()));

        for (var i = 0; i < AgendaItem.NotesHistorySteps + 1; i++)
        {
            meeting.EditNotes(item.Id, i, Guid.NewGuid(), TextOperation.Create().Retain(i).Insert("x").Build());
        }

        Assert.Null(item.NotesSince(0));
        ThrowsCode("Agenda.NotesTooOld", () => meeting.EditNotes(item.Id, 0, Guid.NewGuid(), TextOperation.Create().Insert("y").Build()));
        Assert.Equal(AgendaItem.NotesHistorySteps + 1, item.Notes.Length);
    }

    [Fact]
    public void An_edit_that_would_make_the_notes_too_long_or_does_not_fit_is_refused_and_changes_nothing()
    {
        var meeting = Meeting.Schedule(NetworkId.New(), new DateTime(2026, 2, 2, 9, 0, 0), 60, MeetingMode.Video, null, new DateTime(2026, 2, 2, 9, 0, 0));
        var item = meeting.Agenda[0];
        meeting.EditNotes(item.Id, 0, Guid.NewGuid(), TextOperation.Create().Insert(new string('n', AgendaItem.NotesMaxLength)).Build());

        ThrowsCode("Text.TooLong", () => meeting.EditNotes(item.Id, 1, Guid.NewGuid(), TextOperation.Create().Retain(AgendaItem.NotesMaxLength).Insert("!").Build()));
        ThrowsCode("TextOperation.BaseMismatch", () => meeting.EditNotes(item.Id, 1, Guid.NewGuid(), TextOperation.Create().Insert("!").Build()));
        Assert.Equal((AgendaItem.NotesMaxLength, 1L), (item.Notes.Length, item.NotesRevision));
    }

    [Fact]
    public void Replacing_the_notes_as_a_whole_is_an_edit_too_so_open_fields_can_follow()
    {
        var meeting = Meeting.Schedule(NetworkId.New(), new DateTime(2026, 2, 2, 9, 0, 0), 60, MeetingMode.Video, null, new DateTime(2026, 2, 2, 9, 0, 0));
        var item = meeting.Agenda[0];
        meeting.EditNotes(item.Id, 0, Guid.NewGuid(), TextOperation.Create().Insert("oud").Build());

        meeting.SetNotes(item.Id, "nieuw");

        Assert.Equal(2, item.NotesRevision);
        Assert.Equal("nieuw", item.NotesSince(1)!.Single().Operation.Apply("oud"));
    }

    [Fact]
    public void A_closed_meetings_notes_cannot_be_edited()
    {
        var meeting = Meeting.Schedule(NetworkId.New(), new DateTime(2026, 2, 2, 9, 0, 0), 60, MeetingMode.Video, null, new DateTime(2026, 2, 2, 9, 0, 0));
        meeting.Start(new DateTime(2026, 2, 2, 9, 0, 0));
        meeting.Close(new DateTime(2026, 2, 2, 10, 0, 0));

        ThrowsCode("Meeting.Closed", () => meeting.EditNotes(meeting.Agenda[0].Id, 0, Guid.NewGuid(), TextOperation.Create().Insert("x").Build()));
    }

    private static string RandomText(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => "abcde \n"[random.Next(7)])]);

    private static TextOperation RandomEdit(Random random, string text)
    {
        var builder = TextOperation.Create();
        var left = text.Length;
        while (left > 0)
        {
            var n = random.Next(1, Math.Min(left, 5) + 1);
            switch (random.Next(3))
            {
                case 0:
                    builder.Retain(n);
                    left -= n;
                    break;
                case 1:
                    builder.Delete(n);
                    left -= n;
                    break;
                default:
                    builder.Insert(RandomText(random, n));
                    break;
            }
        }

        if (random.Next(2) == 0)
        {
            builder.Insert(RandomText(random, random.Next(1, 4)));
        }

        return builder.Build();
    }
}

using NinetyNine.Web.Features.Meetings.Live;

namespace NinetyNine.Tests.Live;

/// <summary>
/// Notes typed by several people at once: a patch made on an older text is applied to the current one. Words typed
/// are never lost, also when the text around them changed so much that the patch no longer fits where it was made.
/// </summary>
public sealed class TextMergeTests
{
    [Fact]
    public void Typing_of_two_people_in_different_places_both_survives()
    {
        const string seen = "Afspraken met de gemeente. Volgende stap: UWV bellen.";
        var mine = TextMerge.MakePatch(seen, seen.Replace("gemeente.", "gemeente Hengelo.", StringComparison.Ordinal));
        var theirs = seen.Replace("bellen.", "bellen voor vrijdag.", StringComparison.Ordinal);

        Assert.Equal("Afspraken met de gemeente Hengelo. Volgende stap: UWV bellen voor vrijdag.", TextMerge.Apply(mine, theirs));
    }

    [Fact]
    public void Typed_text_is_kept_when_the_words_around_it_changed_too_much_for_the_patch_to_fit()
    {
        const string seen = "aaaa bbbb cccc dddd eeee";
        var mine = TextMerge.MakePatch(seen, "aaaa bbbb ccccZ dddd eeee");
        // Meanwhile someone else typed inside the words on both sides of where "Z" went.
        const string current = "aaaa bbbb cc1234567cc dd7654321dd eeee";

        var merged = TextMerge.Apply(mine, current);

        Assert.Contains("Z", merged, StringComparison.Ordinal);
        Assert.Equal(current.Length + 1, merged.Length); // Theirs is all still there as well: only "Z" was added.
    }

    [Fact]
    public void A_deletion_that_no_longer_fits_is_dropped_rather_than_deleting_something_else()
    {
        const string seen = "aaaa bbbb cccc dddd eeee";
        var mine = TextMerge.MakePatch(seen, "aaaa bbbb dddd eeee");
        const string current = "xxxx yyyy zzzz wwww vvvv";

        Assert.Equal(current, TextMerge.Apply(mine, current));
    }
}

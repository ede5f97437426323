namespace NinetyNine.Tests.BadInput;

/// <summary>What the domain and the validators must do with one entry of the corpus.</summary>
public enum Expected
{
    /// <summary>Nothing visible: a required field refuses it, an optional one stores nothing.</summary>
    Blank,

    /// <summary>Control characters or far too long: always refused with a message.</summary>
    Refused,

    /// <summary>Unusual but legitimate (scripts, emoji, markup people may type): stored exactly as typed, or refused with a message by a stricter field.</summary>
    KeptOrRefused,
}

/// <summary>
/// The shared bad-input corpus: what attackers and careless people type. Every validator and every aggregate method
/// that takes text runs it (<see cref="DomainTextCorpusTests"/>, <see cref="ValidatorCorpusTests"/>): each entry is
/// refused with a clear message or stored exactly as typed, never an unexpected exception, never a cut text.
/// </summary>
public static class BadInputCorpus
{
    public const int OneMegabyte = 1024 * 1024;

    public static IReadOnlyDictionary<string, (string Value, Expected Expected)> Texts { get; } = new Dictionary<string, (string, Expected)>
    {
        ["empty"] = ("", Expected.Blank),
        ["whitespace"] = ("  \t \n ", Expected.Blank),
        ["zero-width only"] = ("\u200B\u200C\u200D\u2060\uFEFF", Expected.Blank),
        ["zero-width between spaces"] = (" \u200B \u00A0 \u2060 ", Expected.Blank),
        ["NUL inside"] = ("Overleg\0daarna alles weg", Expected.Refused),
        ["NUL only"] = ("\0", Expected.Refused),
        ["bell and backspace"] = ("Agenda\u0007\u0008", Expected.Refused),
        ["terminal escape"] = ("\u001B[31mrood\u001B[0m", Expected.Refused),
        ["DEL"] = ("a\u007Fb", Expected.Refused),
        ["C1 next line"] = ("a\u0085b", Expected.Refused),
        ["lone surrogate"] = ("kapot \uD83D teken", Expected.Refused),
        ["1 MB"] = (new string('x', OneMegabyte), Expected.Refused),
        ["RTL and override"] = ("شركة التوظيف \u202Egnp.exe", Expected.KeptOrRefused),
        ["emoji"] = ("Werkfeest 🎉 👩🏽‍💻 ✅", Expected.KeptOrRefused),
        ["HTML script"] = ("<script>alert('x')</script><img src=x onerror=alert(1)>", Expected.KeptOrRefused),
        ["Markdown javascript link"] = ("[klik hier](javascript:alert(document.cookie))", Expected.KeptOrRefused),
        ["Markdown heading"] = ("# Nep kop\n## Besluit: iedereen eruit", Expected.KeptOrRefused),
        ["tab and line breaks"] = ("regel 1\r\n\tregel 2\nregel 3", Expected.KeptOrRefused),
        ["accents and quotes"] = ("Bäckerei Ünal & Zn. 'Oost' \"West\"", Expected.KeptOrRefused),
    };

    public static TheoryData<string> TextNames { get; } = new(Texts.Keys);

    /// <summary>Numbers at and beyond every limit.</summary>
    public static IReadOnlyList<int> Numbers { get; } = [int.MinValue, -1_000_000, -1, 0, 1, 1_000_001, int.MaxValue];
}

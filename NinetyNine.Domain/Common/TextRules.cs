using System.Globalization;

namespace NinetyNine.Domain.Common;

/// <summary>
/// The one rule for what people type, shared by every aggregate (through <see cref="Guard"/>) and every validator
/// (through <see cref="ValidationRules"/>): a text made only of spaces and invisible characters (zero-width space,
/// joiners, word joiner, byte order mark, direction marks, fillers) counts as empty, and a text may hold no control
/// characters other than tab and line breaks. NUL especially: SQLite would cut the text there.
/// </summary>
public static class TextRules
{
    /// <summary>True when nothing visible is left: null, empty, whitespace, or only invisible (format) characters.</summary>
    public static bool IsBlank(string? value)
    {
        if (value is null)
        {
            return true;
        }

        foreach (var c in value)
        {
            if (!IsInvisible(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the text holds a control character other than tab, line feed and carriage return (C0, DEL and C1),
    /// or half of a surrogate pair (not a character; stored, it would turn into a replacement sign).
    /// </summary>
    public static bool HasForbiddenCharacters(string? value)
    {
        if (value is null)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return true;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Refuses a text with forbidden characters, naming the field (<see cref="HasForbiddenCharacters"/>).</summary>
    public static void EnsureNoForbiddenCharacters(string? value, string field)
    {
        if (HasForbiddenCharacters(value))
        {
            throw new DomainException("Text.ControlCharacters", Text.Get(field));
        }
    }

    private static bool IsInvisible(char c) =>
        char.IsWhiteSpace(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format // U+200B-U+200F, U+2060-U+2064, U+FEFF, U+00AD, bidi marks
        || c is '\u034F' or '\u115F' or '\u1160' or '\u17B4' or '\u17B5' or '\u180E' or '\u2800' or '\u3164' or '\uFFA0';
}

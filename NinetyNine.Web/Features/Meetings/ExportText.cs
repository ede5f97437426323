using System.Text;

namespace NinetyNine.Web.Features.Meetings;

/// <summary>
/// Text as it leaves the app in a file (minutes.md, .ics): no control characters, whatever was stored before the
/// domain refused them. Tabs become spaces; line breaks stay only where the format has lines.
/// </summary>
public static class ExportText
{
    public static string Clean(string? text, bool multiline)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                continue; // \r\n and a lone \r are one line break: \n.
            }

            if (c == '\n' || c == '\t')
            {
                clean.Append(c == '\n' && multiline ? '\n' : ' ');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }
}

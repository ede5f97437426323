using DiffMatchPatch;

namespace NinetyNine.Web.Features.Meetings.Live;

/// <summary>
/// Merges text typed by several people at once (DiffMatchPatch): a client sends the patch from the
/// text it last saw to what it has now, and the server applies that patch to the current text, so
/// both people's words survive.
/// </summary>
public static class TextMerge
{
    public static string MakePatch(string from, string to)
    {
        var dmp = new diff_match_patch();
        return dmp.patch_toText(dmp.patch_make(from ?? string.Empty, to ?? string.Empty));
    }

    /// <summary>
    /// Applies a patch as well as it fits. A hunk that no longer fits (the words around it changed too much meanwhile)
    /// loses its deletions, as deleting something else would be worse, but never the words typed in it: they go in
    /// where the hunk was meant to be.
    /// </summary>
    public static string Apply(string patch, string current)
    {
        var dmp = new diff_match_patch();
        var patches = dmp.patch_fromText(patch ?? string.Empty);
        current ??= string.Empty;
        var together = dmp.patch_apply(patches, current);
        if (((bool[])together[1]).All(fits => fits))
        {
            return (string)together[0];
        }

        var text = current;
        foreach (var hunk in patches)
        {
            var alone = dmp.patch_apply([hunk], text);
            if (((bool[])alone[1]).All(fits => fits))
            {
                text = (string)alone[0];
                continue;
            }

            var at = hunk.start2;
            foreach (var diff in hunk.diffs)
            {
                if (diff.operation == Operation.EQUAL)
                {
                    at += diff.text.Length;
                }
                else if (diff.operation == Operation.INSERT)
                {
                    at = Math.Clamp(at, 0, text.Length);
                    text = text.Insert(at, diff.text);
                    at += diff.text.Length;
                }
            }
        }

        return text;
    }

    /// <summary>Moves local, unsent typing onto a newer server text.</summary>
    public static string Rebase(string localBase, string localText, string serverText) =>
        localBase == localText ? serverText : Apply(MakePatch(localBase, localText), serverText);
}

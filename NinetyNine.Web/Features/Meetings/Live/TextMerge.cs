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

    /// <summary>Applies a patch as well as it fits; hunks that no longer fit anywhere are dropped.</summary>
    public static string Apply(string patch, string current)
    {
        var dmp = new diff_match_patch();
        var patches = dmp.patch_fromText(patch ?? string.Empty);
        return (string)dmp.patch_apply(patches, current ?? string.Empty)[0];
    }

    /// <summary>Moves local, unsent typing onto a newer server text.</summary>
    public static string Rebase(string localBase, string localText, string serverText) =>
        localBase == localText ? serverText : Apply(MakePatch(localBase, localText), serverText);
}

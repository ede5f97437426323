// Puts text merged in from other people into a notes field the person may be typing in.
// `basedOn` is the field's text as the server last saw it. If the person typed since (keystrokes still on their
// way, which the server will apply to the merged text as edits), the merge waits: the field reports itself
// unchanged, and the server sends the merged text again once it has caught up. The caret stays where it was
// relative to the surrounding words (Blazor itself would set the value and move the caret to the end).
window.ninetynine = window.ninetynine || {};

(function (ns) {
    // The one region where b differs from a: a[start, endA) became b[start, endB).
    function region(a, b) {
        let start = 0;
        while (start < a.length && start < b.length && a[start] === b[start]) start++;
        let suffix = 0;
        while (suffix < a.length - start && suffix < b.length - start
            && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
        return { start: start, endA: a.length - suffix, endB: b.length - suffix };
    }

    ns.mergeText = function (element, text, basedOn) {
        if (!element || element.value === text) {
            return;
        }
        if (element.value !== basedOn) {
            element.dispatchEvent(new Event('input', { bubbles: true }));
            return;
        }
        const r = region(element.value, text);
        const map = pos => pos <= r.start ? pos : pos >= r.endA ? pos + (r.endB - r.endA) : r.endB;
        const start = map(element.selectionStart), end = map(element.selectionEnd);
        element.value = text;
        element.__previous = text;
        element.setSelectionRange(start, end);
    };
})(window.ninetynine);

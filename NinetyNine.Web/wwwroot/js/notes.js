// The operational-transform client of a notes field (the same states as NotesClient.cs on the server side).
// Once attached, this script owns the field's value: each input becomes a text operation (retain = positive number,
// insert = string, delete = negative number) made against the server revision it knows. One operation is in flight
// at a time; typing meanwhile is buffered as one. Edits from others arrive in revision order, are transformed against
// what is in flight and buffered, applied to the field, and move the caret so it stays with the person's own text.
// Until acknowledged, the pending typing is also kept in sessionStorage and offered back after a reload.
window.ninetynine = window.ninetynine || {};

(function (ns) {
    const isRetain = c => typeof c === 'number' && c > 0;
    const isDelete = c => typeof c === 'number' && c < 0;
    const isInsert = c => typeof c === 'string';
    const size = c => isInsert(c) ? c.length : Math.abs(c);

    // Appends a part in normal form: neighbours of one kind merged, an insert before a delete at the same place.
    function push(op, c) {
        if (c === 0 || c === '') return;
        const last = op.length - 1;
        if (isInsert(c)) {
            if (last >= 0 && isDelete(op[last])) {
                if (last >= 1 && isInsert(op[last - 1])) op[last - 1] += c; else op.splice(last, 0, c);
            } else if (last >= 0 && isInsert(op[last])) op[last] += c;
            else op.push(c);
        } else if (last >= 0 && (isRetain(c) ? isRetain(op[last]) : isDelete(op[last]))) op[last] += c;
        else op.push(c);
    }

    function cursor(op) {
        let i = 0, off = 0;
        return {
            done: () => i >= op.length,
            kind: () => i >= op.length ? null : isInsert(op[i]) ? 'i' : isRetain(op[i]) ? 'r' : 'd',
            left: () => i >= op.length ? 0 : size(op[i]) - off,
            take(n) {
                const c = op[i];
                const piece = isInsert(c) ? c.substr(off, n) : isRetain(c) ? n : -n;
                off += n;
                if (off >= size(c)) { i++; off = 0; }
                return piece;
            }
        };
    }

    const baseLength = op => op.reduce((n, c) => isInsert(c) ? n : n + Math.abs(c), 0);
    const isNoop = op => op.every(isRetain);

    function apply(op, text) {
        if (baseLength(op) !== text.length) throw new Error('operation does not fit the text');
        let out = '', at = 0;
        for (const c of op) {
            if (isInsert(c)) out += c;
            else if (isRetain(c)) { out += text.substr(at, c); at += c; }
            else at -= c;
        }
        return out;
    }

    function compose(a, b) {
        const out = [], x = cursor(a), y = cursor(b);
        while (!x.done() || !y.done()) {
            if (x.kind() === 'd') { push(out, x.take(x.left())); continue; }
            if (y.kind() === 'i') { push(out, y.take(y.left())); continue; }
            if (x.done() || y.done()) throw new Error('operations do not compose');
            const n = Math.min(x.left(), y.left());
            if (x.kind() === 'r') { x.take(n); push(out, y.take(n)); }
            else if (y.kind() === 'r') { y.take(n); push(out, x.take(n)); }
            else { x.take(n); y.take(n); }
        }
        return out;
    }

    // (a', b') with a then b' == b then a'; at a tie a's insert goes first (as on the server).
    function transform(a, b) {
        const ap = [], bp = [], x = cursor(a), y = cursor(b);
        while (!x.done() || !y.done()) {
            if (x.kind() === 'i') { const s = x.take(x.left()); push(ap, s); push(bp, s.length); continue; }
            if (y.kind() === 'i') { const s = y.take(y.left()); push(ap, s.length); push(bp, s); continue; }
            if (x.done() || y.done()) throw new Error('operations do not transform');
            const n = Math.min(x.left(), y.left());
            const kx = x.kind(), ky = y.kind();
            x.take(n); y.take(n);
            if (kx === 'r' && ky === 'r') { push(ap, n); push(bp, n); }
            else if (kx === 'd' && ky === 'r') push(ap, -n);
            else if (kx === 'r' && ky === 'd') push(bp, -n);
        }
        return [ap, bp];
    }

    // Text inserted exactly at the index goes after it, so a caret stays at the end of its own person's words.
    function transformIndex(op, index) {
        let at = 0, moved = index;
        for (const c of op) {
            if (at > index) break;
            if (isRetain(c)) at += c;
            else if (isInsert(c)) { if (at < index) moved += c.length; }
            else { moved -= Math.min(-c, index - at); at -= c; }
        }
        return Math.max(0, moved);
    }

    // The one changed region, placed by the caret where a doubled letter could be read either way.
    function replace(before, after, caret) {
        const limit = Math.max(0, Math.min(caret, caret - (after.length - before.length)));
        let start = 0;
        while (start < limit && start < before.length && start < after.length && before[start] === after[start]) start++;
        let end = 0;
        while (end < before.length - start && end < after.length - start
            && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
        const op = [];
        push(op, start);
        push(op, after.substring(start, after.length - end));
        push(op, -(before.length - start - end));
        push(op, end);
        return op;
    }

    const newId = () => crypto.randomUUID ? crypto.randomUUID()
        : '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, c => (c ^ crypto.getRandomValues(new Uint8Array(1))[0] & 15 >> c / 4).toString(16));

    function save(s) {
        if (!s.key) return;
        try {
            if (!s.inflight && !s.buffer) sessionStorage.removeItem(s.key);
            else sessionStorage.setItem(s.key, JSON.stringify({
                revision: s.revision, server: s.server, value: s.value,
                inflight: s.inflight, buffer: s.buffer
            }));
        } catch { /* storage full or off: the field keeps the text anyway */ }
    }

    function pendingChanged(s) {
        const pending = !!(s.inflight || s.buffer);
        if (pending !== s.pending) {
            s.pending = pending;
            s.dotnet.invokeMethodAsync('Pending', pending).catch(() => { });
        }
        save(s);
    }

    function send(s) {
        const inflight = s.inflight;
        // As first made: a resend goes with the same id, base and operation, so the server can recognise it.
        s.dotnet.invokeMethodAsync('SendEdit', inflight.id, inflight.base, inflight.sent)
            .then(accepted => { if (accepted === false) refused(s, inflight.id); })
            .catch(() => { /* the circuit is gone: the draft is in sessionStorage and goes again after a reload */ });
    }

    function flush(s) {
        if (s.inflight || !s.buffer || s.blocked) return;
        s.inflight = { id: newId(), base: s.revision, op: s.buffer, sent: JSON.stringify(s.buffer) };
        s.buffer = null;
        send(s);
    }

    function refused(s, id) {
        if (!s.inflight || s.inflight.id !== id) return;
        s.buffer = s.buffer ? compose(s.inflight.op, s.buffer) : s.inflight.op;
        s.inflight = null;
        s.blocked = true; // Goes again with the person's next keystroke.
        pendingChanged(s);
    }

    // The field grows with its text (CSS field-sizing where the browser has it, else by hand).
    function grow(el) {
        if (window.CSS && CSS.supports && CSS.supports('field-sizing', 'content')) return;
        el.style.height = 'auto';
        el.style.height = (el.scrollHeight + 2) + 'px';
    }

    function onInput(s) {
        grow(s.element);
        const value = s.element.value;
        const op = replace(s.value, value, s.element.selectionEnd);
        s.value = value;
        if (isNoop(op)) return;
        s.blocked = false;
        s.buffer = s.buffer ? compose(s.buffer, op) : op;
        flush(s);
        pendingChanged(s);
    }

    function receive(s, step) {
        if (step.revision <= s.revision) return true;
        if (step.revision !== s.revision + 1) return false;
        let op = JSON.parse(step.operation);
        s.server = apply(op, s.server);
        s.revision = step.revision;
        if (s.inflight && s.inflight.id === step.operationId) {
            s.inflight = null;
            flush(s);
            return true;
        }
        if (s.inflight) { const [a, b] = transform(s.inflight.op, op); s.inflight.op = a; op = b; }
        if (s.buffer) { const [a, b] = transform(s.buffer, op); s.buffer = a; op = b; }
        const el = s.element;
        const focused = document.activeElement === el;
        const start = transformIndex(op, el.selectionStart), end = transformIndex(op, el.selectionEnd);
        s.value = apply(op, s.value);
        el.value = s.value;
        grow(el);
        if (focused) el.setSelectionRange(start, end);
        return true;
    }

    ns.notes = {
        // Takes over the field; returns the revision this client is at, and whether a draft was put back.
        attach(element, dotnet, key, text, revision) {
            const s = { element, dotnet, key, revision, server: text, value: text, inflight: null, buffer: null, blocked: false, pending: false };
            let restored = false;
            try {
                const draft = key && JSON.parse(sessionStorage.getItem(key) || 'null');
                if (draft && draft.revision <= revision && (draft.inflight || draft.buffer)) {
                    // Typing of an earlier page that the server had not acknowledged: carry on from where it was; the steps
                    // since its revision follow (acknowledging it if it did arrive), then it goes again with its own id.
                    Object.assign(s, { revision: draft.revision, server: draft.server, value: draft.value, inflight: draft.inflight, buffer: draft.buffer });
                    element.value = s.value;
                    restored = true;
                }
            } catch { /* an unreadable draft is ignored */ }
            element.__notes = s;
            element.addEventListener('input', () => onInput(s));
            grow(element);
            if (s.inflight) send(s);
            pendingChanged(s);
            return { revision: s.revision, restored };
        },
        // Steps (revision, operationId, operation) in order; returns the revision reached.
        receive(element, steps) {
            const s = element && element.__notes;
            if (!s) return 0;
            for (const step of steps) {
                if (!receive(s, step)) break;
            }
            pendingChanged(s);
            return s.revision;
        },
        // The server no longer has the steps since this client's revision: start from its text, keeping the typing on top.
        reset(element, text, revision) {
            const s = element && element.__notes;
            if (!s) return;
            s.revision = revision;
            s.server = text;
            s.inflight = null;
            const op = replace(text, s.value, s.value.length);
            s.buffer = isNoop(op) ? null : op;
            flush(s);
            pendingChanged(s);
        }
    };
})(window.ninetynine);

// Small page actions without inline handlers (the Content-Security-Policy allows no inline script): an element with
// data-action="reload" reloads the page (the "connection lost" message), data-action="print" prints it (the minutes).
document.addEventListener('click', event => {
    // A link of an error summary moves focus into its field (a fragment link alone only scrolls).
    const link = event.target instanceof Element ? event.target.closest('a[data-focus-target]') : null;
    const field = link ? document.getElementById(link.dataset.focusTarget) : null;
    if (field) {
        event.preventDefault();
        field.scrollIntoView({ block: 'center' });
        field.focus();
        return;
    }

    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!target) {
        return;
    }

    if (target.dataset.action === 'reload') {
        event.preventDefault();
        location.reload();
    } else if (target.dataset.action === 'print') {
        event.preventDefault();
        window.print();
    }
});

// A card dragged near the left or right edge of the board scrolls the columns that way, so a column off screen can be
// reached (the board is wider than a narrow window). Native drag events: the board's drop container uses them.
(() => {
    const edge = 48;
    let frame = 0;
    let speed = 0;
    let board = null;
    const step = () => {
        if (board && speed !== 0) {
            board.scrollLeft += speed;
            frame = requestAnimationFrame(step);
        } else {
            frame = 0;
        }
    };
    document.addEventListener('dragover', event => {
        const columns = event.target instanceof Element ? event.target.closest('.board-columns') : null;
        if (!columns) {
            speed = 0;
            return;
        }

        const box = columns.getBoundingClientRect();
        board = columns;
        speed = event.clientX < box.left + edge ? -12 : event.clientX > box.right - edge ? 12 : 0;
        if (speed !== 0 && frame === 0) {
            frame = requestAnimationFrame(step);
        }
    });
    const stop = () => { speed = 0; };
    document.addEventListener('drop', stop);
    document.addEventListener('dragend', stop);
})();

// A statically rendered page can name the element that should have focus when it loads (the error summary of a form
// after a failed post), so keyboard and screen-reader users land on what went wrong.
(() => {
    const focusTarget = document.querySelector('[data-focus-on-load]');
    if (focusTarget instanceof HTMLElement) {
        focusTarget.focus();
    }
})();

// Small page actions without inline handlers (the Content-Security-Policy allows no inline script): an element with
// data-action="reload" reloads the page (the "connection lost" message), data-action="print" prints it (the minutes).
document.addEventListener('click', event => {
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

// The one connection indicator (Components/Layout/ConnectionStatus.razor): Blazor tells the circuit's state through
// its reconnect events, the browser tells when the network is gone (at once, before the circuit notices a silent
// outage). The words change in a polite live region, so screen readers hear them.
(() => {
    let circuit = null; // null: as the server rendered it (connecting, then connected)
    const states = { show: 'reconnecting', retrying: 'reconnecting', paused: 'reconnecting', hide: 'connected', failed: 'failed', rejected: 'failed', 'resume-failed': 'failed' };

    function render() {
        const element = document.getElementById('components-reconnect-modal');
        if (!element) return;
        let state = circuit;
        if (!navigator.onLine && state !== 'failed') state = 'offline';
        if (state === null) return;
        element.dataset.state = state;
        const text = element.querySelector('.connection-text');
        const words = element.dataset['text' + state.charAt(0).toUpperCase() + state.slice(1)];
        if (text && words && text.textContent !== words) text.textContent = words;
    }

    // The event is dispatched on the indicator and does not bubble: caught on the way down.
    document.addEventListener('components-reconnect-state-changed', event => {
        const detail = event.detail && event.detail.state;
        circuit = states[detail] || circuit;
        render();
        // The server is back but no longer knows this page (it restarted): load the page again at once, as Blazor's
        // own reconnect screen would. What was typed and not yet saved is kept in the browser and offered back.
        if (detail === 'rejected') {
            location.reload();
        }
    }, true);
    window.addEventListener('offline', render);
    window.addEventListener('online', () => { if (circuit === null) circuit = 'connected'; render(); });
})();

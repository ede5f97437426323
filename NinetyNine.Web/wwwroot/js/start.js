// Starts Blazor once the browser has painted the server-rendered page (at the latest after 300 ms, also in a browser
// without paint timing or a tab in the background). Connecting and rendering the live page is real work for the browser
// and the server; on a large board it would otherwise compete with that first paint.
(() => {
    let started = false;
    const start = () => {
        if (!started) {
            started = true;
            // The server pings every 5 s (Program.cs): ten seconds without a word means the connection is gone.
            Blazor.start({ circuit: { configureSignalR: builder => builder.withServerTimeout(10000) } });
        }
    };
    setTimeout(start, 300);
    try {
        new PerformanceObserver((list, observer) => {
            if (list.getEntries().some(entry => entry.name === 'first-contentful-paint')) {
                observer.disconnect();
                start();
            }
        }).observe({ type: 'paint', buffered: true });
    } catch {
        start();
    }
})();

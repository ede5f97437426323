using System.Runtime;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Onboarding;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Onboarding;
using NinetyNine.Web.Security;

namespace NinetyNine.Bench;

/// <summary>
/// <c>live</c>: the cost of the live pages, side by side with the stock Blazor template (a counter page) and a bare
/// SignalR hub, in one run.
/// <list type="bullet">
/// <item>Managed heap per open live page (meeting, board, onboarding checklist) against a template counter page.
/// Both apps are hosted in this process (the app by <see cref="AppHost"/>: NinetyNine.Web's own
/// <c>Program.BuildAsync</c> on loopback Kestrel; the template by <see cref="TemplateHost"/>), so the server's heap is
/// this process's heap: N pages are opened in Debian's Chromium (a separate process, as is Playwright's driver), full
/// blocking compacting GCs are forced before and after, and the difference of <see cref="GC.GetTotalMemory"/> is divided
/// by N. What Playwright's .NET side keeps per page in this process (a few KB) is counted for both alike.</item>
/// <item>Own action to own screen: from the click in the page (the element's <c>click()</c>, timed in the page with
/// <c>performance.now()</c>) until the page's DOM shows the change (a MutationObserver test of the expected state):
/// move an agenda item, move a card, tick a checklist step; against the template's counter click.</item>
/// <item>Fan-out p99 of the live agenda hub against the bare hub (<see cref="FanoutScenario"/>), and the same again
/// with one more client that stops reading (<see cref="StalledClient"/>): how much later the other receivers get
/// their edits.</item>
/// </list>
/// Only the pages' DOM (data-testid attributes) is used, so the scenario does not depend on how a page talks to the server.
/// Figures are printed beside their targets; nothing is asserted.
/// </summary>
internal static class LiveScenario
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string BoardGroup = "Werkgelegenheid creëren";
    private const string ConnectedText = "Live verbonden";
    private const double HeapTargetKb = 500;
    private const double ActionTargetMs = 16;
    private const double ActionTargetRatio = 3;
    private const double FanoutTargetRatio = 2;
    private const double StallTargetMs = 100;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(LiveOptions o)
    {
        var cancellation = CancellationToken.None;
        var f = o.Fanout;
        Console.WriteLine($"live: {o.Pages} open pages per kind, {o.Samples} own actions per kind (+{o.WarmupSamples} warm-up); fan-out {f.Clients} clients, "
            + $"{f.Editors} editors at {f.EditsPerSecond} edits/s, {f.WarmupSeconds} s + {f.Seconds} s per run; {Environment.ProcessorCount} cores{Program.LoadAverage()}");

        var ourCircuits = new CircuitCounter();
        await using var ours = await AppHost.StartAsync(f.Editors, cancellation, builder => ourCircuits.AddTo(builder.Services));
        var templateLog = new ServerLog();
        await using var template = await TemplateHost.StartAsync(templateLog, cancellation);
        var targets = await PrepareAsync(ours);

        var pages = new List<PageResult>();
        using (var playwright = await Playwright.CreateAsync())
        {
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            foreach (var kind in Kinds(ours, ourCircuits, template, targets))
            {
                pages.Add(await MeasureAsync(browser, kind, o));
            }
        }

        var templatePage = pages[0];
        var ourPages = pages.Skip(1).ToList();
        foreach (var page in pages)
        {
            var target = page == templatePage ? "baseline" : $"target <= {HeapTargetKb:F0} KB: {Met(page.HeapKb <= HeapTargetKb)}";
            Console.WriteLine($"[{page.Name}] live page heap: {page.HeapKb:F0} KB per open page over {page.Pages} pages ({page.Circuits} circuits open); {target}");
        }

        var actionLimit = Math.Min(ActionTargetMs, ActionTargetRatio * templatePage.Action.P95);
        foreach (var page in pages)
        {
            var a = page.Action;
            var target = page == templatePage
                ? "baseline"
                : $"target p95 <= {ActionTargetRatio:F0}x template ({ActionTargetRatio * templatePage.Action.P95:F1} ms) and <= {ActionTargetMs:F0} ms: {Met(a.P95 <= actionLimit)}";
            Console.WriteLine($"[{page.Name}] own action to own screen ({page.Action.What}) ms over {a.Samples} samples: p50 {a.P50:F1}, p95 {a.P95:F1}, max {a.Max:F1}"
                + $"{(page.Missed > 0 ? $", {page.Missed} not shown within 5 s" : string.Empty)}; {target}");
        }

        // Fan-out and a slow receiver: the bare hub and the app, without and with one client that stops reading.
        RunResult bare, bareStalled;
        await using (var bareHost = await BareHubHost.StartAsync(ours.PayloadBytes, cancellation))
        {
            bare = await FanoutScenario.RunAsync(bareHost, f, cancellation);
            Program.Print(bare);
            bareStalled = await FanoutScenario.RunAsync(bareHost, f, cancellation, stalled: true);
            Program.Print(bareStalled, "bare, one stalled");
        }

        var fanout = await FanoutScenario.RunAsync(ours, f, cancellation);
        Program.Print(fanout);
        var oursStalled = await FanoutScenario.RunAsync(ours, f, cancellation, stalled: true);
        Program.Print(oursStalled, "ours, one stalled");

        var ratio = fanout.Latency.P99 / bare.Latency.P99;
        Console.WriteLine($"fan-out p99 ({f.Editors} editors x {f.EditsPerSecond}/s to {f.Clients} clients): ours {fanout.Latency.P99:F2} ms, bare {bare.Latency.P99:F2} ms, "
            + $"ratio {ratio:F2}; target <= {FanoutTargetRatio:F0}x bare: {Met(ratio <= FanoutTargetRatio)}");
        var delay = oursStalled.Latency.P99 - fanout.Latency.P99;
        var bareDelay = bareStalled.Latency.P99 - bare.Latency.P99;
        Console.WriteLine($"slow receiver: other receivers' p99 ours {fanout.Latency.P99:F2} ms without, {oursStalled.Latency.P99:F2} ms with one stalled client "
            + $"(max {oursStalled.Latency.Max:F0} ms, lost {oursStalled.Lost}): delay {delay:F1} ms; target <= {StallTargetMs:F0} ms: {Met(delay <= StallTargetMs && oursStalled.Lost == 0)}");
        Console.WriteLine($"slow receiver, bare hub for reference: p99 {bare.Latency.P99:F2} ms without, {bareStalled.Latency.P99:F2} ms with "
            + $"(max {bareStalled.Latency.Max:F0} ms, lost {bareStalled.Lost}): delay {bareDelay:F1} ms");

        foreach (var line in ours.Log.Summary())
        {
            Console.WriteLine($"[ours] server log: {line}");
        }

        foreach (var line in templateLog.Summary())
        {
            Console.WriteLine($"[template] server log: {line}");
        }

        var heaviest = ourPages.MaxBy(p => p.HeapKb)!;
        var slowest = ourPages.MaxBy(p => p.Action.P95)!;
        Console.WriteLine($"ours = the largest of {string.Join(", ", ourPages.Select(p => p.Name))}: heap {heaviest.Name}, own action {slowest.Name}");
        Console.WriteLine($"live page heap: ours {heaviest.HeapKb:F0} KB, template {templatePage.HeapKb:F0} KB");
        Console.WriteLine($"own action p95: ours {slowest.Action.P95:F1} ms, template {templatePage.Action.P95:F1} ms");
        return 0;
    }

    private static string Met(bool met) => met ? "met" : "missed";

    /// <summary>
    /// Opens N pages of one kind in one browser context (after two warm-up pages, so first-use costs such as JIT and
    /// caches are not counted per page), measures the heap they hold, then times own actions on one of them alone.
    /// </summary>
    private static async Task<PageResult> MeasureAsync(IBrowser browser, PageKind kind, LiveOptions o)
    {
        var context = await kind.NewContextAsync(browser);
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var warm = await OpenAsync(context, kind);
                await kind.ActAsync(warm, i);
                await CloseAsync(warm);
            }

            await SettleAsync(kind, 0);
            var before = Heap();
            var open = new List<IPage>(o.Pages);
            for (var i = 0; i < o.Pages; i++)
            {
                open.Add(await OpenAsync(context, kind));
            }

            await Task.Delay(1000);
            var circuits = kind.Circuits.Open;
            var after = Heap();
            var heapKb = (after - before) / 1024.0 / o.Pages;

            // Timed alone: other open pages of the same meeting or board would render every change too.
            foreach (var page in open.Skip(1))
            {
                await CloseAsync(page);
            }

            await SettleAsync(kind, 1);
            var samples = new List<double>(o.Samples);
            var missed = 0;
            for (var i = 0; i < o.WarmupSamples + o.Samples; i++)
            {
                var ms = await kind.ActAsync(open[0], i);
                if (ms < 0)
                {
                    missed++;
                }
                else if (i >= o.WarmupSamples)
                {
                    samples.Add(ms);
                }

                await Task.Delay(30);
            }

            await CloseAsync(open[0]);
            Console.WriteLine($"[{kind.Name}] measured{Program.LoadAverage()}");
            return new PageResult(kind.Name, o.Pages, circuits, heapKb, Summary.Of(kind.What, samples), missed);
        }
        finally
        {
            await context.CloseAsync();
            await SettleAsync(kind, 0);
        }
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, PageKind kind)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(kind.Url);
        await kind.ReadyAsync(page);
        return page;
    }

    /// <summary>Leaves the page first, so Blazor ends its circuit at once (as a closed tab does), then closes it.</summary>
    private static async Task CloseAsync(IPage page)
    {
        await page.GotoAsync("about:blank");
        await page.CloseAsync();
    }

    private static async Task SettleAsync(PageKind kind, int circuits)
    {
        if (!await kind.Circuits.WaitForAsync(circuits, SettleTimeout))
        {
            Console.WriteLine($"[{kind.Name}] warning: {kind.Circuits.Open} circuits open, {circuits} expected after {SettleTimeout.TotalSeconds:F0} s");
        }
    }

    /// <summary>The managed heap after full, blocking, compacting collections (large objects included).</summary>
    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: false);
    }

    private static IEnumerable<PageKind> Kinds(AppHost ours, CircuitCounter circuits, TemplateHost template, Targets t)
    {
        var baseUrl = ours.App.Urls.First();
        Task<IBrowserContext> SignedIn(IBrowser browser) => SignInAsync(browser, baseUrl, ours.Password);

        yield return new PageKind("template", "counter click", $"{template.BaseUrl}/counter", template.Circuits, NewContextAsync, TemplateReadyAsync, CounterClickAsync);
        yield return new PageKind("meeting", "move an agenda item", $"{baseUrl}/meetings/{t.MeetingId}", circuits, SignedIn,
            page => LiveAsync(page, "[data-testid=live-agenda] [data-testid=agenda-item]"), (page, _) => MoveItemAsync(page, t.ItemId));
        yield return new PageKind("board", "move a card", $"{baseUrl}/theme-groups/{t.GroupId}/board", circuits, SignedIn,
            page => LiveAsync(page, "[data-testid=board-ready]"), (page, _) => MoveCardAsync(page, t.CardId));
        var onboarding = ours.App.Services.GetRequiredService<OnboardingService>();
        var coordinator = CurrentMember.From(ours.Coordinator);
        yield return new PageKind("checklist", "tick a step", $"{baseUrl}/onboarding/{t.ChecklistId}", circuits, SignedIn,
            page => LiveAsync(page, "[data-testid=checklist-steps]"),
            (page, _) => TickAsync(page, t.Step, () => onboarding.UntickAsync(coordinator, t.ChecklistId, Guid.NewGuid(), t.Step, "Benchmark: weer open")));
    }

    private static Task<IBrowserContext> NewContextAsync(IBrowser browser) =>
        browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

    /// <summary>A new browser (own cookies) signed in as the coordinator; the page it signed in with is closed.</summary>
    private static async Task<IBrowserContext> SignInAsync(IBrowser browser, string baseUrl, string password)
    {
        var context = await NewContextAsync(browser);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/account/login");
        await page.FillAsync("#email", "coordinator@99vantwente.example");
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync($"{baseUrl}/");
        await CloseAsync(page);
        return context;
    }

    /// <summary>Live: the page's marker is there and its connection state (if it shows one) says connected.</summary>
    private static async Task LiveAsync(IPage page, string marker) =>
        await page.WaitForFunctionAsync(
            """
            ([marker, text]) => {
              if (!document.querySelector(marker)) return false;
              const state = document.querySelector('[data-testid=connection-state]');
              return !state || state.textContent.includes(text);
            }
            """,
            new[] { marker, ConnectedText }, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 50 });

    /// <summary>The template has no marker: it is interactive once a click counts (clicks before that are lost).</summary>
    private static async Task TemplateReadyAsync(IPage page)
    {
        for (var attempt = 0; ; attempt++)
        {
            await page.ClickAsync("button");
            try
            {
                await page.WaitForFunctionAsync("() => !document.querySelector('[role=status]').textContent.endsWith(' 0')", null,
                    new PageWaitForFunctionOptions { Timeout = 300, PollingInterval = 20 });
                return;
            }
            catch (TimeoutException) when (attempt < 200)
            {
            }
        }
    }

    private static async Task<double> CounterClickAsync(IPage page, int sample)
    {
        var count = await page.EvaluateAsync<int>("() => parseInt(document.querySelector('[role=status]').textContent.replace(/\\D+/g, ''), 10)");
        return await TimedAsync(page, "button", $"document.querySelector('[role=status]').textContent === {Js($"Current count: {count + 1}")}");
    }

    /// <summary>The item moves between the last and the last but one place: down when it can, otherwise up.</summary>
    private static async Task<double> MoveItemAsync(IPage page, Guid item)
    {
        const string Order = "[...document.querySelectorAll('[data-testid=agenda-item]')].map(e => e.dataset.itemId)";
        var ids = await page.EvaluateAsync<string[]>($"() => {Order}");
        var at = Array.IndexOf(ids, item.ToString());
        var to = at == ids.Length - 1 ? at - 1 : at + 1;
        var button = $"[data-testid=agenda-item][data-item-id='{item}'] [data-testid={(to < at ? "move-up" : "move-down")}]";
        return await TimedAsync(page, button, $"{Order}.indexOf({Js(item.ToString())}) === {to}");
    }

    /// <summary>The card moves between the first and the second place of its column, through its menu (opened untimed).</summary>
    private static async Task<double> MoveCardAsync(IPage page, Guid card)
    {
        const string Order = "[...document.querySelectorAll('[data-testid=column-0] [data-testid^=card-]')].map(e => e.dataset.testid).filter(t => /^card-[0-9a-f-]{36}$/.test(t))";
        var tiles = await page.EvaluateAsync<string[]>($"() => {Order}");
        var at = Array.IndexOf(tiles, $"card-{card}");
        var to = at == 0 ? 1 : at - 1;
        var item = $"[data-testid={(to > at ? "move-down" : "move-up")}]";
        await page.Locator($"[data-testid='card-{card}'] [data-testid=card-menu] button").ClickAsync();
        await page.Locator(item).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        return await TimedAsync(page, item, $"{Order}.indexOf({Js($"card-{card}")}) === {to}");
    }

    /// <summary>Ticks the step; it is opened again first (by the coordinator through the service, untimed) when it is done.</summary>
    private static async Task<double> TickAsync(IPage page, int step, Func<Task<ChecklistResult>> reopen)
    {
        var selector = $"[data-testid=step-{step}]";
        if (await page.GetAttributeAsync(selector, "data-state") != nameof(StepState.Open))
        {
            var result = await reopen();
            if (!result.Accepted)
            {
                throw new InvalidOperationException($"Opening the step again was refused: {result.Error}");
            }

            await page.WaitForFunctionAsync($"() => document.querySelector({Js(selector)}).dataset.state === 'Open'", null,
                new PageWaitForFunctionOptions { Timeout = 10_000, PollingInterval = 10 });
        }

        return await TimedAsync(page, $"{selector} input[type=checkbox]", $"document.querySelector({Js(selector)}).dataset.state === 'Done'");
    }

    /// <summary>
    /// Clicks the first visible element matching <paramref name="click"/> and returns the milliseconds until
    /// <paramref name="shown"/> (a JavaScript expression) holds after a change of the DOM; -1 when not within 5 s.
    /// </summary>
    private static async Task<double> TimedAsync(IPage page, string click, string shown) =>
        await page.EvaluateAsync<double>($$"""
            () => new Promise(resolve => {
              const target = [...document.querySelectorAll({{Js(click)}})].find(e => e.getClientRects().length > 0);
              if (!target) { resolve(-2); return; }
              let start = 0, done = false, timer = 0;
              const observer = new MutationObserver(() => { if (!done && ({{shown}})) finish(performance.now() - start); });
              const finish = value => { done = true; observer.disconnect(); clearTimeout(timer); resolve(value); };
              observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
              timer = setTimeout(() => { if (!done) finish(-1); }, 5000);
              start = performance.now();
              target.click();
            })
            """);

    private static string Js(string value) => JsonSerializer.Serialize(value);

    /// <summary>A planned meeting with three items of its own, a board column with at least three cards, an open checklist step.</summary>
    private static async Task<Targets> PrepareAsync(AppHost ours)
    {
        await using var db = await ours.App.Services.GetRequiredService<IDbContextFactory<NinetyNineDb>>().CreateDbContextAsync();
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Slug == "99vantwente");

        var meeting = Meeting.Schedule(network.Id, DateTime.Today.AddDays(45).AddHours(8), 60, MeetingMode.Phone, null, DateTime.Today);
        AgendaItem? last = null;
        for (var i = 1; i <= 3; i++)
        {
            last = meeting.AddAgendaItem($"Benchmark-agendapunt {i}");
        }

        db.Meetings.Add(meeting);

        var group = await db.ThemeGroups.AsNoTracking().SingleAsync(g => g.Name == BoardGroup);
        var board = await db.Boards.SingleAsync(b => b.ThemeGroupId == group.Id);
        var column = board.Columns[0].Id;
        for (var i = board.CardsIn(column).Count; i < 3; i++)
        {
            board.AddCard(column, CardFields.New($"Benchmark-kaart {i + 1}"), network.Coordinator.Id, DateTimeOffset.UtcNow);
        }

        await db.SaveChangesAsync();

        var checklist = (await db.OnboardingChecklists.AsNoTracking().ToListAsync()).FirstOrDefault(c => c.Steps.Any(s => s.State == StepState.Open))
            ?? throw new InvalidOperationException("The demo network has no checklist with an open step.");
        var step = checklist.Steps.First(s => s.State == StepState.Open).Position;
        return new Targets(meeting.Id.Value, last!.Id.Value, group.Id.Value, board.CardsIn(column)[0].Id.Value, checklist.Id.Value, step);
    }

    private sealed record Targets(Guid MeetingId, Guid ItemId, Guid GroupId, Guid CardId, Guid ChecklistId, int Step);

    /// <summary>One kind of page: where it is, how a browser gets there, when it is live, and one timed own action.</summary>
    private sealed record PageKind(
        string Name,
        string What,
        string Url,
        CircuitCounter Circuits,
        Func<IBrowser, Task<IBrowserContext>> NewContextAsync,
        Func<IPage, Task> ReadyAsync,
        Func<IPage, int, Task<double>> ActAsync);

    private sealed record PageResult(string Name, int Pages, int Circuits, double HeapKb, Summary Action, int Missed);

    /// <summary>Milliseconds, nearest-rank percentiles.</summary>
    private sealed record Summary(string What, int Samples, double P50, double P95, double Max)
    {
        public static Summary Of(string what, List<double> values)
        {
            if (values.Count == 0)
            {
                return new Summary(what, 0, double.NaN, double.NaN, double.NaN);
            }

            var sorted = values.Order().ToList();
            double At(double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
            return new Summary(what, sorted.Count, At(0.5), At(0.95), sorted[^1]);
        }
    }
}

/// <summary>The shape of the live mode.</summary>
internal sealed record LiveOptions
{
    public int Pages { get; init; } = 20;
    public int Samples { get; init; } = 200;
    public int WarmupSamples { get; init; } = 10;
    public FanoutOptions Fanout { get; init; } = new() { Seconds = 20 };
}

using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Bench;

/// <summary>
/// "Ours": the real app (NinetyNine.Web's own <c>Program.BuildAsync</c>) on loopback Kestrel, on a fresh SQLite
/// database in a temporary folder, seeded with the demo network and accounts. Clients sign in to
/// <see cref="AgendaHub"/> with the same tickets the Blazor page uses and retitle agenda items of a new meeting.
/// </summary>
internal sealed class AppHost : IFanoutSystem, IAsyncDisposable
{
    private const string Editor1 = "coordinator@99vantwente.example";
    private const string Editor2 = "kerngroep@99vantwente.example";
    private static readonly string[] Viewers =
        ["deelnemer@99vantwente.example", "kartrekker@99vantwente.example", "advocaat@99vantwente.example", Editor1, Editor2];

    private readonly WebApplication _app;
    private readonly string _folder;
    private readonly Uri _hubUrl;
    private readonly HubTicketAuthentication.HubTickets _tickets;
    private readonly Guid _meetingId;
    private readonly IReadOnlyList<Guid> _items;
    private readonly ClaimsPrincipal[] _editors;
    private readonly ClaimsPrincipal[] _viewers;

    private AppHost(WebApplication app, ServerLog log, string folder, string password, Guid meetingId, IReadOnlyList<Guid> items, ClaimsPrincipal[] editors, ClaimsPrincipal[] viewers, int payloadBytes)
    {
        _app = app;
        Password = password;
        Log = log;
        _folder = folder;
        _hubUrl = new Uri(new Uri(app.Urls.First()), AgendaHub.Path);
        _tickets = app.Services.GetRequiredService<HubTicketAuthentication.HubTickets>();
        _meetingId = meetingId;
        _items = items;
        _editors = editors;
        _viewers = viewers;
        PayloadBytes = payloadBytes;
    }

    public string Name => "ours";

    /// <summary>The running app (in this process: its heap is this process's heap).</summary>
    public WebApplication App => _app;

    /// <summary>The demo accounts' password in this run.</summary>
    public string Password { get; }

    /// <summary>The network coordinator, signed in (may edit every live aggregate).</summary>
    public ClaimsPrincipal Coordinator => _editors[0];

    /// <summary>What the app logged (warnings and errors), counted by kind.</summary>
    public ServerLog Log { get; }

    /// <summary>Size of the JSON of one retitle broadcast, so the bare hub can send as much.</summary>
    public int PayloadBytes { get; }

    /// <summary>Starts the app; <paramref name="configure"/> may add services (the live mode's circuit counter).</summary>
    public static async Task<AppHost> StartAsync(int editors, CancellationToken cancellationToken, Action<WebApplicationBuilder>? configure = null)
    {
        var folder = BenchApp.NewFolder();
        var log = new ServerLog();
        var password = $"Bench-{Guid.NewGuid():N}-A1";
        var app = await BenchApp.StartAsync(folder, log, password, cancellationToken, configure: configure);

        var services = app.Services;
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<UserAccount>>();
        async Task<ClaimsPrincipal> SignInAsync(string email) =>
            await claims.CreateAsync(await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demo account {email} is missing."));

        ClaimsPrincipal[] editorUsers = [await SignInAsync(Editor1), await SignInAsync(Editor2)];
        var viewerUsers = new ClaimsPrincipal[Viewers.Length];
        for (var i = 0; i < Viewers.Length; i++)
        {
            viewerUsers[i] = await SignInAsync(Viewers[i]);
        }

        // A fresh planned meeting with one item per editor (as far as the agenda has room).
        var dbFactory = services.GetRequiredService<IDbContextFactory<NinetyNineDb>>();
        Guid meetingId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Slug == "99vantwente", cancellationToken);
            var meeting = Meeting.Schedule(network.Id, DateTime.Today.AddDays(30).AddHours(8), 60, MeetingMode.Phone, null, DateTime.Today);
            for (var i = 0; i < editors && meeting.Agenda.Count < Meeting.MaxAgendaItems; i++)
            {
                meeting.AddAgendaItem($"Benchmark item {i + 1}");
            }

            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(cancellationToken);
            meetingId = meeting.Id.Value;
        }

        var snapshot = await services.GetRequiredService<AgendaService>().SnapshotAsync(CurrentMember.From(editorUsers[0]), meetingId, cancellationToken)
            ?? throw new InvalidOperationException("The benchmark meeting is not visible to its editor.");
        var items = snapshot.Items.Where(i => !i.IsStanding).ToList();
        var sample = new AgendaChange(meetingId, snapshot.Sequence + 1, Guid.NewGuid(), nameof(AgendaHub.RetitleItem),
            editorUsers[0].FindFirstValue(ClaimTypes.GivenName), snapshot.Meeting,
            [items[0] with { Title = "e0-000" }], [], [.. snapshot.Items.Select(i => i.Id)]);
        var payloadBytes = JsonSerializer.SerializeToUtf8Bytes(sample, JsonSerializerOptions.Web).Length;
        return new AppHost(app, log, folder, password, meetingId, [.. items.Select(i => i.Id)], editorUsers, viewerUsers, payloadBytes);
    }

    public async Task<FanoutClient> ConnectAsync(int index, bool editor, Action<Guid> delivered, CancellationToken cancellationToken)
    {
        var user = editor ? _editors[index % _editors.Length] : _viewers[index % _viewers.Length];
        var connection = new HubConnectionBuilder()
            .WithUrl(_hubUrl, o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(_tickets.Issue(user));
            })
            .Build();
        connection.On<AgendaChange>(nameof(IAgendaClient.AgendaChanged), change => delivered(change.OperationId));
        connection.On<IReadOnlyList<PresenceEntry>>(nameof(IAgendaClient.PresenceChanged), _ => { });
        var client = new FanoutClient(connection, RetitleAsync);
        await connection.StartAsync(cancellationToken);
        var snapshot = await connection.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), _meetingId, cancellationToken);
        if (editor && !snapshot.CanEdit)
        {
            throw new InvalidOperationException("An editor of the benchmark may not edit the meeting.");
        }

        return client;
    }

    /// <summary>A participant's raw WebSocket on the agenda hub that joins the meeting and stops reading.</summary>
    public Task<StalledClient> ConnectStalledAsync(CancellationToken cancellationToken)
    {
        var hub = new UriBuilder(_hubUrl) { Query = $"access_token={Uri.EscapeDataString(_tickets.Issue(_viewers[0]))}" }.Uri;
        return StalledClient.ConnectAsync(hub, $$"""{"type":1,"target":"{{nameof(AgendaHub.Join)}}","arguments":["{{_meetingId}}"]}""", cancellationToken);
    }

    public async Task<long?> PersistedAsync(CancellationToken cancellationToken)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<NinetyNineDb>>().CreateDbContextAsync(cancellationToken);
        var meetingId = new MeetingId(_meetingId);
        return await db.OperationRecords.LongCountAsync(c => c.AggregateType == AgendaService.Kind.Name && c.AggregateId == meetingId.Value, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp clean-up.
        }
    }

    /// <summary>Each editor retitles its own item with a short unique title.</summary>
    private async Task<string?> RetitleAsync(HubConnection connection, Guid operationId, int editor, int number)
    {
        var result = await connection.InvokeAsync<AgendaResult>(nameof(AgendaHub.RetitleItem), _meetingId, operationId, _items[editor % _items.Count], $"e{editor}-{number}");
        return result is { Accepted: true, Duplicate: false } ? null : result.Error ?? "answered as a duplicate";
    }
}

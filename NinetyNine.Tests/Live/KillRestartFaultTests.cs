using System.Net;
using Xunit.Abstractions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Boards;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Features.Onboarding;

namespace NinetyNine.Tests.Live;

/// <summary>
/// The server is killed (SIGKILL) in the middle of several clients' edits and started again on the same database. The
/// clients reconnect and resend, with the same operation ids, what was not acknowledged (what was in flight at the
/// kill, and what was typed while the server was down). Every acknowledged operation is then persisted exactly once,
/// at the sequence it was told, and the aggregate's operation records have no gaps — for an agenda, a board and a
/// checklist, each through its public hub.
/// </summary>
[Collection(KillRestartCollection.Name)]
public sealed class KillRestartFaultTests(KillRestartServer running, ITestOutputHelper output)
{
    private const int MaxBeforeKill = 8; // Per client; the kill comes well before (after KillAfter acknowledgements in all).
    private const int KillAfter = 9;

    [Theory]
    [InlineData("meeting")]
    [InlineData("board")]
    [InlineData("checklist")]
    public async Task Every_acknowledged_operation_survives_a_killed_server_exactly_once_without_sequence_gaps(string kind)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var server = running.App; // Started once for the three runs; each run kills it and starts it again.
        var target = await TargetAsync(server, kind);
        string[] people = kind switch
        {
            "meeting" => [AppFactory.Coordinator, AppFactory.CoreGroupMember, AppFactory.Coordinator],
            "board" => [AppFactory.Coordinator, AppFactory.SecondCoreGroupMember, AppFactory.Coordinator],
            _ => [AppFactory.Coordinator, AppFactory.Coordinator, AppFactory.Coordinator],
        };
        var clients = new List<Client>();
        foreach (var (email, index) in people.Select((e, i) => (e, i)))
        {
            var client = new Client(kind, index, await server.SignInAsync(email));
            await client.ConnectAsync(server, target);
            clients.Add(client);
        }

        long before;
        await using (var db = server.Db())
        {
            before = await db.OperationRecords.CountAsync(r => r.AggregateType == target.Type && r.AggregateId == target.Id);
        }

        try
        {
            // Everyone edits at once; after KillAfter acknowledgements in all the server is killed, with sends in flight.
            var editing = clients.Select(c => c.EditUntilTheLineDropsAsync(target, MaxBeforeKill)).ToList();
            await HubClients.EventuallyAsync(() => clients.Sum(c => c.Acknowledged.Count) >= KillAfter, "the first edits are acknowledged", 30_000);
            server.Kill();
            await Task.WhenAll(editing).WaitAsync(TimeSpan.FromSeconds(30));
            await HubClients.EventuallyAsync(() => clients.All(c => c.Hub!.State == HubConnectionState.Disconnected), "every client lost its connection");

            var inFlight = clients.Sum(c => c.Unacknowledged.Count);
            output.WriteLine($"killed at {clock.ElapsedMilliseconds} ms with {clients.Sum(c => c.Acknowledged.Count)} acknowledged, {inFlight} in flight");

            // While the server is down each person goes on typing: kept, not sent.
            foreach (var client in clients)
            {
                client.Keep(2);
            }

            await server.StartAsync();
            output.WriteLine($"restarted at {clock.ElapsedMilliseconds} ms");
            foreach (var client in clients)
            {
                await client.ConnectAsync(server, target);
                await client.ResendAsync(target);
                await client.EditAsync(target, 2); // And on they go.
            }

            // Everything each client sent is acknowledged now; a resend of something acknowledged long ago is harmless.
            Assert.All(clients, c => Assert.Empty(c.Unacknowledged));
            var (_, text, sequence) = clients[0].Acknowledged[0];
            var again = await target.Send(clients[0].Hub!, clients[0].Acknowledged[0].OperationId, text);
            Assert.Equal((true, sequence), (again.Accepted, again.Sequence));

            var acknowledged = clients.SelectMany(c => c.Acknowledged).ToList();
            output.WriteLine($"{acknowledged.Count} acknowledged in all, checked at {clock.ElapsedMilliseconds} ms");
            Assert.True(acknowledged.Count >= KillAfter + 12, $"Only {acknowledged.Count} operations were acknowledged.");
            await using var db = server.Db();
            var records = await db.OperationRecords.AsNoTracking().Where(r => r.AggregateType == target.Type && r.AggregateId == target.Id)
                .OrderBy(r => r.Sequence).Select(r => new { r.Sequence, r.OperationId }).ToListAsync();
            Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
            foreach (var operation in acknowledged)
            {
                Assert.Equal(operation.Sequence, Assert.Single(records, r => r.OperationId == operation.OperationId).Sequence);
            }

            // Nothing was applied that no one was told about: every resent send was acknowledged.
            Assert.Equal(before + acknowledged.Count, records.Count);
            var texts = await target.TextsAsync(clients[0].Hub!);
            foreach (var operation in acknowledged)
            {
                Assert.Equal(1, texts.Count(t => t == operation.Text));
            }

            Assert.Equal(acknowledged.Count, texts.Count(t => t.StartsWith(kind + "-", StringComparison.Ordinal)));
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"The fault run failed; the app's log:\n{server.LogText()}", e);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>The aggregate under test: where its hub is, how to join it, send one edit that carries a text, and read back the texts it holds.</summary>
    private sealed record Target(string Type, Guid Id, string HubPath, Func<HubConnection, Task> Join,
        Func<HubConnection, Guid, string, Task<(bool Accepted, string? Error, long Sequence)>> Send, Func<HubConnection, Task<IReadOnlyList<string>>> TextsAsync);

    private static async Task<Target> TargetAsync(AppProcess server, string kind)
    {
        await using var db = server.Db();
        switch (kind)
        {
            case "meeting":
            {
                var id = await server.NewMeetingAsync();
                return new Target(AgendaService.Kind.Name, id, AgendaHub.Path,
                    hub => hub.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), id),
                    async (hub, operationId, text) => await hub.InvokeAsync<AgendaResult>(nameof(AgendaHub.AddItem), id, operationId, text) is var r
                        ? (r.Accepted, r.Error, r.Sequence) : default,
                    async hub => [.. (await hub.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), id)).Items.Select(i => i.Title)]);
            }

            case "board":
            {
                var group = await db.ThemeGroups.AsNoTracking().Where(g => g.Name == "Werkgelegenheid creëren").Select(g => g.Id).SingleAsync();
                var id = (await db.Boards.AsNoTracking().SingleAsync(b => b.ThemeGroupId == group)).Id.Value;
                Guid cardId = default;
                return new Target(BoardService.Kind.Name, id, BoardHub.Path,
                    async hub => cardId = (await hub.InvokeAsync<BoardSnapshot>(nameof(BoardHub.Join), id)).Cards.Where(c => !c.IsArchived).OrderBy(c => c.Id).First().Id,
                    async (hub, operationId, text) => await hub.InvokeAsync<BoardResult>(nameof(BoardHub.Comment), id, operationId, cardId, text) is var r
                        ? (r.Accepted, r.Error, r.Version) : default,
                    async hub => [.. (await hub.InvokeAsync<BoardSnapshot>(nameof(BoardHub.Join), id)).Cards.Single(c => c.Id == cardId).Comments.Select(c => c.Text)]);
            }

            default:
            {
                var id = (await db.OnboardingChecklists.AsNoTracking().OrderBy(c => c.Id).FirstAsync()).Id.Value;
                return new Target(OnboardingService.Kind.Name, id, OnboardingHub.Path,
                    hub => hub.InvokeAsync<ChecklistSnapshot>(nameof(OnboardingHub.Join), id),
                    async (hub, operationId, text) => await hub.InvokeAsync<ChecklistResult>(nameof(OnboardingHub.Comment), id, operationId, 0, text) is var r
                        ? (r.Accepted, r.Error, r.Sequence) : default,
                    async hub => [.. (await hub.InvokeAsync<ChecklistSnapshot>(nameof(OnboardingHub.Join), id)).Steps[0].Comments.Select(c => c.Text)]);
            }
        }
    }

    /// <summary>
    /// One person's screen: what the server acknowledged (with the sequence it said), and what it sent or typed without
    /// an answer, to resend with the same operation id.
    /// </summary>
    private sealed class Client(string prefix, int index, CookieContainer cookies) : IAsyncDisposable
    {
        private int _next;

        public HubConnection? Hub { get; private set; }
        public List<(Guid OperationId, string Text, long Sequence)> Acknowledged { get; } = [];
        public List<(Guid OperationId, string Text)> Unacknowledged { get; } = [];

        public async Task ConnectAsync(AppProcess server, Target target)
        {
            if (Hub is not null)
            {
                await Hub.DisposeAsync();
            }

            Hub = server.Hub(target.HubPath, cookies);
            await Hub.StartAsync();
            await target.Join(Hub);
        }

        /// <summary>Sends new edits one after another until <paramref name="max"/> or until the line drops.</summary>
        public async Task EditUntilTheLineDropsAsync(Target target, int max)
        {
            for (var i = 0; i < max; i++)
            {
                if (!await SendAsync(target, Guid.NewGuid(), NextText()))
                {
                    return;
                }
            }
        }

        public async Task EditAsync(Target target, int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(await SendAsync(target, Guid.NewGuid(), NextText()), "An edit after the restart got no answer.");
            }
        }

        /// <summary>Edits made while there is no server: kept to be sent.</summary>
        public void Keep(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Unacknowledged.Add((Guid.NewGuid(), NextText()));
            }
        }

        public async Task ResendAsync(Target target)
        {
            foreach (var (operationId, text) in Unacknowledged.ToList())
            {
                Unacknowledged.Remove((operationId, text));
                Assert.True(await SendAsync(target, operationId, text), "A resend got no answer.");
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Hub is not null)
            {
                await Hub.DisposeAsync();
            }
        }

        private string NextText() => $"{prefix}-{index}-{_next++}";

        /// <summary>True when the server answered (it must accept); false when the line dropped first (then kept as unacknowledged).</summary>
        private async Task<bool> SendAsync(Target target, Guid operationId, string text)
        {
            (bool Accepted, string? Error, long Sequence) result;
            try
            {
                result = await target.Send(Hub!, operationId, text);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                // No answer: it may or may not have reached the server before it died.
                Unacknowledged.Add((operationId, text));
                return false;
            }

            Assert.True(result.Accepted, result.Error);
            Acknowledged.Add((operationId, text, result.Sequence));
            return true;
        }
    }
}

/// <summary>The app in its own process for the kill-and-restart runs, started once (its first start migrates and seeds).</summary>
public sealed class KillRestartServer : IAsyncLifetime
{
    public AppProcess App { get; } = new();

    public Task InitializeAsync() => App.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The kill-and-restart runs kill and restart one app process: one at a time, beside the rest of the suite.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KillRestartCollection : ICollectionFixture<KillRestartServer>
{
    public const string Name = "kill-restart";
}

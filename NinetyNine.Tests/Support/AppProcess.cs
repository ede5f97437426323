using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Web.Data;

namespace NinetyNine.Tests.Support;

/// <summary>
/// The real app in a child process (the build's NinetyNine.Web.dll) on a fixed loopback port and a file SQLite database
/// in its own temp folder, seeded with the demo network and accounts. It can be killed (SIGKILL, no shutdown of any
/// kind) and started again on the same database and port, so the browser's origin stays the same.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public AppProcess()
    {
        Folder = Path.Combine(Path.GetTempPath(), "ninetynine-tests", "process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Port = FreePort();
    }

    public string Folder { get; }
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string DatabasePath => Path.Combine(Folder, "app.db");

    /// <summary>How often the app was started.</summary>
    public int Starts { get; private set; }

    /// <summary>Starts the app and waits until it answers its health check.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The app is already running.");
        }

        var root = DatabaseSetup.RepositoryRoot(AppContext.BaseDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(root, "NinetyNine.Web"),
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "NinetyNine.Web.dll"),
                     $"--urls={BaseUrl}",
                     // Development serves the package assets (MudBlazor, blazor.web.js) from the build output, as the tests' own host does.
                     "--environment=Development",
                     $"--contentRoot={Path.Combine(root, "NinetyNine.Web")}",
                     $"--ConnectionStrings:NinetyNine=Data Source={DatabasePath}",
                     $"--NinetyNine:DataDirectory={Folder}",
                     "--Email:Sender=file",
                     "--Seed:DemoNetwork=true",
                     "--Seed:DemoAccounts=true",
                     $"--Seed:DemoPassword={AppFactory.DemoPassword}",
                     "--Logging:LogLevel:Default=Warning",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{LogText()}");
            }

            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The app did not answer its health check within 60 s:\n{LogText()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Kills the app at once (SIGKILL): no graceful shutdown, no flushing, whatever it was doing.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>A context on the app's database file, for setting up and checking what was persisted.</summary>
    public NinetyNineDb Db() =>
        new(new DbContextOptionsBuilder<NinetyNineDb>().UseSqlite($"Data Source={DatabasePath};Default Timeout=30").Options);

    /// <summary>A fresh planned meeting of the demo network (as <see cref="HubClients.NewMeetingAsync"/> for the in-process app).</summary>
    public async Task<Guid> NewMeetingAsync()
    {
        await using var db = Db();
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Slug == "99vantwente");
        var meeting = NinetyNine.Domain.Meetings.Meeting.Schedule(network.Id, DateTime.Today.AddDays(30).AddHours(8), 60,
            NinetyNine.Domain.Meetings.MeetingMode.Phone, "Inbellen: 053 000 0000", DateTime.Today);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id.Value;
    }

    /// <summary>Signs in through the real login form; the returned cookies carry the session (valid again after a restart).</summary>
    public async Task<CookieContainer> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var response = await SignedInClient.PostLoginAsync(client, email, AppFactory.DemoPassword);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} failed: {response.StatusCode}");
        return cookies;
    }

    /// <summary>A hub connection over one WebSocket, signed in with <paramref name="cookies"/>, not started.</summary>
    public HubConnection Hub(string path, CookieContainer cookies) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseUrl + path), o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();

    public string LogText()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's own cleaning.
        }

        return ValueTask.CompletedTask;
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.Length < 200_000)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Web.Features.Meetings.Live;

namespace NinetyNine.Tests.Support;

/// <summary>
/// The real app (see <see cref="AppFactory"/>) with one addition: a hub filter that writes down every answer the
/// <see cref="AgendaHub"/> gives to <see cref="AgendaHub.Submit"/>, exactly as it goes back to the sender. Tests use it
/// to know which operations the server acknowledged, including the notes patches a client sends by itself.
/// </summary>
public sealed class RecordingAppFactory : AppFactory
{
    public SubmitRecorder Recorder { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The global hub options: every hub's own options start as a copy of them, whatever the registration order.
        builder.ConfigureServices(services => services.Configure<HubOptions>(o => o.AddFilter(Recorder)));
    }
}

/// <summary>Every answered <see cref="AgendaHub.Submit"/> call: the command and the server's answer to it.</summary>
public sealed class SubmitRecorder : IHubFilter
{
    private readonly ConcurrentQueue<(AgendaCommand Command, AgendaCommandResult Result)> _answers = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(invocationContext);
        if (invocationContext.HubMethodName == nameof(AgendaHub.Submit)
            && invocationContext.HubMethodArguments is [AgendaCommand command]
            && result is AgendaCommandResult answer)
        {
            _answers.Enqueue((command, answer));
        }

        return result;
    }

    /// <summary>The answers given so far for one meeting, in the order they were given.</summary>
    public IReadOnlyList<(AgendaCommand Command, AgendaCommandResult Result)> For(Guid meetingId) =>
        [.. _answers.Where(a => a.Command.MeetingId == meetingId)];
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Web.Features.Meetings.Live;

namespace NinetyNine.Tests.Support;

/// <summary>
/// The real app (see <see cref="AppFactory"/>) with one addition: a hub filter that writes down every answer the
/// <see cref="AgendaHub"/> gives to one of its intents, exactly as it goes back to the sender. Tests use it to know
/// which operations the server acknowledged, including the notes edits a client sends by itself.
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

/// <summary>One answered intent: the hub method, its meeting and operation id, the rest of its arguments.</summary>
public sealed record AgendaCall(string Method, Guid MeetingId, Guid OperationId, IReadOnlyList<object?> Arguments)
{
    /// <summary>The argument at <paramref name="index"/> after the meeting and operation id.</summary>
    public T Argument<T>(int index) => (T)Arguments[index]!;
}

/// <summary>Every answered intent of the <see cref="AgendaHub"/> (each takes the meeting and an operation id first).</summary>
public sealed class SubmitRecorder : IHubFilter
{
    private readonly ConcurrentQueue<(AgendaCall Command, AgendaResult Result)> _answers = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(invocationContext);
        if (invocationContext.Hub is AgendaHub
            && result is AgendaResult answer
            && invocationContext.HubMethodArguments is { Count: >= 2 } arguments
            && arguments[0] is Guid meetingId && arguments[1] is Guid operationId)
        {
            _answers.Enqueue((new AgendaCall(invocationContext.HubMethodName, meetingId, operationId, [.. arguments.Skip(2)]), answer));
        }

        return result;
    }

    /// <summary>The answers given so far for one meeting, in the order they were given.</summary>
    public IReadOnlyList<(AgendaCall Command, AgendaResult Result)> For(Guid meetingId) =>
        [.. _answers.Where(a => a.Command.MeetingId == meetingId)];
}

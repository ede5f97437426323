using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Common;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Boards;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Features.Onboarding;
using NinetyNine.Web.Live;

namespace NinetyNine.Tests.BadInput;

/// <summary>
/// Every public method of every hub, found by reflection, called over a real connection with the bad-input corpus in
/// each of its parameters in turn (null, invisible and control-character text, numbers and dates at and beyond their
/// limits, unknown enum values and ids, records left empty). Each call is accepted or refused with a specific message
/// to that caller only: never the framework's "unexpected error", never our own "error on our side", and the caller's
/// connection and a bystander's stay up.
/// </summary>
public sealed class HubBadInputTests(HubBadInputTests.ErrorLogAppFactory app) : IClassFixture<HubBadInputTests.ErrorLogAppFactory>
{
    /// <summary>The real app, with every error-level log line written down.</summary>
    public sealed class ErrorLogAppFactory : AppFactory, ILoggerProvider
    {
        public ConcurrentQueue<string> Errors { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(this));
        }

        ILogger ILoggerProvider.CreateLogger(string categoryName) => new ErrorLog(this, categoryName);

        private sealed class ErrorLog(ErrorLogAppFactory owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    owner.Errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}");
                }
            }
        }
    }

    private static readonly string OurFailure = Text.Get("Live.Failed");

    public static TheoryData<string> Hubs { get; } = new([nameof(AgendaHub), nameof(BoardHub), nameof(OnboardingHub)]);

    [Theory]
    [MemberData(nameof(Hubs))]
    public async Task Every_hub_method_refuses_bad_input_clearly_to_that_caller_only(string hubName)
    {
        var (hubType, path, target) = await TargetAsync(hubName);
        await using var caller = await StartAsync(path);
        await using var bystander = await StartAsync(path);
        var methods = hubType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(Hub.OnDisconnectedAsync))
            .OrderBy(m => m.Name is "CloseMeeting" or "CancelMeeting" ? 1 : 0).ThenBy(m => m.Name)
            .ToList();
        Assert.NotEmpty(methods);

        var unclear = new List<string>();
        var calls = 0;
        foreach (var method in methods)
        {
            var parameters = method.GetParameters();
            for (var i = 0; i < parameters.Length; i++)
            {
                foreach (var bad in BadValues(parameters[i]))
                {
                    var args = parameters.Select((p, j) => j == i ? bad : Baseline(p, target)).ToArray();
                    calls++;
                    var problem = await CallAsync(caller, method, args);
                    if (problem is not null)
                    {
                        unclear.Add($"{method.Name}({parameters[i].Name} = {Describe(bad)}): {problem}");
                    }
                }
            }
        }

        Assert.True(unclear.Count == 0, $"{unclear.Count} of {calls} calls were not a clear answer:\n" + string.Join("\n", unclear.Take(40)));
        Assert.True(calls > 100, $"only {calls} calls");
        Assert.True(app.Errors.IsEmpty, "errors logged:\n" + string.Join("\n", app.Errors.Take(20)));
        Assert.Equal(HubConnectionState.Connected, caller.State);
        Assert.Equal(HubConnectionState.Connected, bystander.State);
        // Both still work: a plain join answers.
        await caller.InvokeCoreAsync(methods.Single(m => m.Name == "Join").Name, methods.Single(m => m.Name == "Join").ReturnType.GenericTypeArguments[0], [target]);
        await bystander.InvokeCoreAsync(methods.Single(m => m.Name == "Join").Name, methods.Single(m => m.Name == "Join").ReturnType.GenericTypeArguments[0], [target]);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_ends_that_callers_connection_only()
    {
        var meetingId = await HubClients.NewMeetingAsync(app);
        await using var caller = await StartAsync(AgendaHub.Path);
        await using var bystander = await StartAsync(AgendaHub.Path);
        await bystander.InvokeAsync<MeetingSnapshot>(nameof(AgendaHub.Join), meetingId);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            caller.InvokeAsync<AgendaResult>(nameof(AgendaHub.AddItem), meetingId, Guid.NewGuid(), new string('x', BadInputCorpus.OneMegabyte)));

        Assert.Equal(HubConnectionState.Connected, bystander.State);
        var added = await bystander.InvokeAsync<AgendaResult>(nameof(AgendaHub.AddItem), meetingId, Guid.NewGuid(), "Nog een punt");
        Assert.True(added.Accepted, added.Error);
    }

    [Fact]
    public async Task A_left_out_argument_or_an_unknown_enum_value_is_named_in_the_refusal()
    {
        var meetingId = await HubClients.NewMeetingAsync(app);
        await using var caller = await StartAsync(AgendaHub.Path);

        var missing = await Assert.ThrowsAsync<HubException>(() =>
            caller.InvokeAsync<AgendaResult>(nameof(AgendaHub.AddItem), meetingId, Guid.NewGuid(), null));
        var unknown = await Assert.ThrowsAsync<HubException>(() =>
            caller.InvokeAsync<AgendaResult>(nameof(AgendaHub.Reschedule), meetingId, Guid.NewGuid(), DateTime.Today.AddDays(3), 60, 999, null));

        Assert.EndsWith("Er ontbreekt een gegeven (title); er is niets gewijzigd.", missing.Message, StringComparison.Ordinal);
        Assert.EndsWith("Onbekende waarde voor mode; er is niets gewijzigd.", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, caller.State);
    }

    /// <summary>Null when the answer was clear; otherwise what was wrong with it.</summary>
    private static async Task<string?> CallAsync(HubConnection connection, MethodInfo method, object?[] args)
    {
        var returnType = method.ReturnType.IsGenericType ? method.ReturnType.GenericTypeArguments[0] : typeof(object);
        try
        {
            var result = method.ReturnType.IsGenericType
                ? await connection.InvokeCoreAsync(method.Name, returnType, args)
                : await connection.InvokeCoreAsync(method.Name, typeof(object), args);
            if (result is ILiveResult { Accepted: false } refused)
            {
                var error = (string?)refused.GetType().GetProperty("Error")!.GetValue(refused);
                return string.IsNullOrWhiteSpace(error) ? "refused without a message"
                    : error == OurFailure ? "refused as an error on our side" : null;
            }

            return null;
        }
        catch (HubException e)
        {
            // SignalR wraps a deliberate refusal as "An unexpected error occurred invoking 'X' on the server. HubException: <why>";
            // anything else thrown by the method reaches the caller without its "HubException: <why>" part.
            var why = e.Message.Split("HubException: ", 2) is [_, var reason] ? reason : null;
            return string.IsNullOrWhiteSpace(why) || why == OurFailure ? "hub exception: " + e.Message : null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static IEnumerable<object?> BadValues(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var nullable = Nullable.GetUnderlyingType(type);
        var core = nullable ?? type;
        if (!type.IsValueType || nullable is not null)
        {
            yield return null;
        }

        if (core == typeof(string))
        {
            foreach (var name in new[] { "empty", "zero-width only", "NUL inside", "terminal escape", "lone surrogate", "HTML script" })
            {
                yield return BadInputCorpus.Texts[name].Value;
            }

            yield return new string('x', 20_000);
            yield return "[1,\"x\"]";
            yield return "[99999999999999999999,\"x\"]";
            yield return "{\"not\":\"an operation\"}";
        }
        else if (core == typeof(Guid))
        {
            yield return Guid.Empty;
            yield return Guid.NewGuid();
        }
        else if (core == typeof(int))
        {
            foreach (var n in BadInputCorpus.Numbers)
            {
                yield return n;
            }
        }
        else if (core == typeof(long))
        {
            yield return long.MinValue;
            yield return -1L;
            yield return long.MaxValue;
        }
        else if (core == typeof(DateTime))
        {
            yield return DateTime.MinValue;
            yield return DateTime.MaxValue;
        }
        else if (core == typeof(DateOnly))
        {
            yield return DateOnly.MinValue;
            yield return DateOnly.MaxValue;
        }
        else if (core.IsEnum)
        {
            yield return Enum.ToObject(core, 999);
        }
        else if (!core.IsValueType)
        {
            // A record whose members were all left out (null lists and texts, zero numbers).
            yield return RuntimeHelpers.GetUninitializedObject(core);
        }
    }

    private static object? Baseline(ParameterInfo parameter, Guid target)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return parameter.Name switch
        {
            "meetingId" or "boardId" or "checklistId" => target,
            _ when type == typeof(Guid) => Guid.NewGuid(),
            _ when type == typeof(string) => "Proef",
            _ when type == typeof(int) => 0,
            _ when type == typeof(long) => 0L,
            _ when type == typeof(bool) => false,
            _ when type == typeof(DateTime) => DateTime.Today.AddDays(7).AddHours(9),
            _ when type == typeof(DateOnly) => DateOnly.FromDateTime(DateTime.Today.AddDays(7)),
            _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
            _ => null,
        };
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string { Length: > 40 } s => $"text of {s.Length}",
        string s => $"\"{string.Concat(s.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c > 0x2000 ? $"\\u{(int)c:X4}" : c.ToString()))}\"",
        _ when value.GetType().IsClass => $"empty {value.GetType().Name}",
        _ => value.ToString()!,
    };

    private async Task<HubConnection> StartAsync(string path)
    {
        var connection = await HubClients.ConnectionAsync(app, AppFactory.Coordinator, hubPath: path, webSocket: true);
        await connection.StartAsync();
        return connection;
    }

    private async Task<(Type Hub, string Path, Guid Target)> TargetAsync(string hubName)
    {
        switch (hubName)
        {
            case nameof(AgendaHub):
                return (typeof(AgendaHub), AgendaHub.Path, await HubClients.NewMeetingAsync(app));
            case nameof(BoardHub):
                var boards = app.Services.GetService(typeof(BoardService)) as BoardService;
                var board = await boards!.BoardOfAsync(await app.MemberAsync(AppFactory.Coordinator), await app.ThemeGroupIdAsync("In-, door- en uitstroom van kandidaten"));
                return (typeof(BoardHub), BoardHub.Path, board!.Value);
            default:
                await using (var db = await app.DbFactory.CreateDbContextAsync())
                {
                    var checklist = await db.OnboardingChecklists.AsNoTracking().Select(c => c.Id).FirstAsync();
                    return (typeof(OnboardingHub), OnboardingHub.Path, checklist.Value);
                }
        }
    }
}

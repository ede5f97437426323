using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Security;

/// <summary>
/// The one guard in front of every hub method. Before the method runs it refuses, with a message for the caller, an
/// argument left out where the method needs one (null for a non-nullable parameter) and an enum value that does not
/// exist. A refusal (<see cref="HubException"/>) goes to that caller only; anything else a method throws is logged here
/// once, with the method's name, and reaches the caller as "an error on our side". SignalR's own dispatcher would log
/// every refusal at error level as well, so its log is turned down in <see cref="AddHubInputGuard"/>: refusals are not
/// server errors, and the real ones are logged by this filter.
/// </summary>
public sealed class HubInputFilter(ILogger<HubInputFilter> logger) : IHubFilter
{
    private const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    private static readonly ConcurrentDictionary<MethodInfo, Func<IReadOnlyList<object?>, string?>> Checks = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var check = Checks.GetOrAdd(invocationContext.HubMethod, CheckOf);
        if (check(invocationContext.HubMethodArguments) is { } refusal)
        {
            throw new HubException(refusal);
        }

        try
        {
            return await next(invocationContext);
        }
        catch (HubException)
        {
            throw;
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Hub method {Hub}.{Method} failed", invocationContext.Hub.GetType().Name, invocationContext.HubMethodName);
            throw new HubException(Text.Get("Live.Failed"));
        }
    }

    /// <summary>
    /// Adds the guard to one of the app's own hubs (not to Blazor's circuit hub, whose protocol is the framework's) and
    /// lowers the dispatcher's log to critical (see the class summary).
    /// </summary>
    public static ISignalRServerBuilder AddHubInputGuard<THub>(ISignalRServerBuilder signalR, ILoggingBuilder logging)
        where THub : Hub
    {
        signalR.Services.TryAddSingleton<HubInputFilter>();
        logging.AddFilter(DispatcherCategory, LogLevel.Critical);
        return signalR.AddHubOptions<THub>(o => o.AddFilter<HubInputFilter>());
    }

    private static Func<IReadOnlyList<object?>, string?> CheckOf(MethodInfo method)
    {
        var nullability = new NullabilityInfoContext();
        var parameters = method.GetParameters()
            .Where(p => p.ParameterType != typeof(CancellationToken))
            .Select(p => (
                p.Name,
                Required: !p.ParameterType.IsValueType && nullability.Create(p).ReadState == NullabilityState.NotNull,
                Enum: (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) is { IsEnum: true } e ? e : null))
            .ToArray();
        return arguments =>
        {
            for (var i = 0; i < parameters.Length && i < arguments.Count; i++)
            {
                var (name, required, enumType) = parameters[i];
                var argument = arguments[i];
                if (argument is null && required)
                {
                    return Text.Get("Hub.Missing", name ?? "?");
                }

                if (argument is not null && enumType is not null && !Enum.IsDefined(enumType, argument))
                {
                    return Text.Get("Hub.UnknownValue", name ?? "?");
                }
            }

            return null;
        };
    }
}

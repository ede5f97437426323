using System.Globalization;
using Microsoft.Extensions.Localization;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;

namespace NinetyNine.Web.Features.Setup;

/// <summary>
/// <c>dotnet run --project NinetyNine.Web -- network create --name ... --slug ... --region ... --coordinator-name ...
/// --coordinator-email ... [--template 99van|empty]</c>: founds a network the way the set-up page does, and exits.
/// Other <c>--Key=value</c> arguments configure the app as usual (the database, for example).
/// </summary>
public static class NetworkCommand
{
    private static readonly string[] Options =
    [
        "name", "slug", "region", "coordinator-name", "coordinator-email", "coordinator-organisation", "template",
        "first-meeting", "time", "every-weeks", "duration", "mode", "mode-details", "base-url",
    ];

    public static bool IsCommand(IReadOnlyList<string> args) =>
        args is ["network", "create", ..];

    /// <summary>Runs the command; 0 when the network was founded, 1 when the input was refused, 2 for a usage error.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var (values, rest, unknown) = Parse(args.Skip(2).ToList());
        var app = await Program.BuildAsync([.. rest]);
        await using (app.ConfigureAwait(false))
        {
            var l = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
            if (values.ContainsKey("help") || unknown.Count > 0)
            {
                foreach (var option in unknown)
                {
                    await output.WriteLineAsync(l["Setup.Cli.UnknownOption", option]);
                }

                await output.WriteLineAsync(l["Setup.Cli.Usage"]);
                return values.ContainsKey("help") && unknown.Count == 0 ? 0 : 2;
            }

            var time = app.Services.GetRequiredService<TimeProvider>();
            FoundNetwork form;
            try
            {
                form = ToForm(values, DateOnly.FromDateTime(Network.LocalNow(time, Network.DefaultTimeZone)));
            }
            catch (FormatException e)
            {
                await output.WriteLineAsync(l["Setup.Cli.BadValue", e.Message]);
                await output.WriteLineAsync(l["Setup.Cli.Usage"]);
                return 2;
            }

            var baseUrl = values.GetValueOrDefault("base-url") ?? app.Configuration["NinetyNine:BaseUrl"] ?? "http://localhost:5099/";
            if (!Uri.TryCreate(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute, out var appBase))
            {
                await output.WriteLineAsync(l["Setup.Cli.BadValue", "--base-url"]);
                return 2;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<NetworkFounding>().FoundAsync(form, appBase);
            if (!outcome.Succeeded)
            {
                foreach (var (field, message) in outcome.Errors)
                {
                    await output.WriteLineAsync(field.Length == 0 ? message : $"--{OptionOf(field)}: {message}");
                }

                return 1;
            }

            var network = outcome.Founded!.Network;
            await output.WriteLineAsync(l["Setup.Cli.Done", network.Name, new Uri(appBase, $"n/{network.Slug}"), network.Coordinator.Email.Value]);
            return 0;
        }
    }

    private static FoundNetwork ToForm(Dictionary<string, string> values, DateOnly today)
    {
        string Value(string key) => values.GetValueOrDefault(key) ?? string.Empty;
        var form = new FoundNetwork
        {
            Name = Value("name"),
            Slug = Value("slug"),
            Region = Value("region"),
            CoordinatorName = Value("coordinator-name"),
            CoordinatorEmail = Value("coordinator-email"),
            CoordinatorOrganisation = values.GetValueOrDefault("coordinator-organisation"),
            ModeDetails = values.GetValueOrDefault("mode-details"),
            // Without a date the series starts two weeks from today, on that weekday.
            FirstMeeting = values.TryGetValue("first-meeting", out var date) ? Parsed("--first-meeting", date, s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture)) : today.AddDays(14),
        };
        if (values.TryGetValue("template", out var template))
        {
            form.Template = template.ToLowerInvariant() switch
            {
                "99van" => NetworkTemplate.NinetyNineVan,
                "empty" => NetworkTemplate.Empty,
                _ => throw new FormatException("--template"),
            };
        }

        if (values.TryGetValue("time", out var start))
        {
            form.MeetingTime = Parsed("--time", start, s => TimeOnly.ParseExact(s, "HH:mm", CultureInfo.InvariantCulture));
        }

        if (values.TryGetValue("every-weeks", out var weeks))
        {
            form.IntervalWeeks = Parsed("--every-weeks", weeks, s => int.Parse(s, CultureInfo.InvariantCulture));
        }

        if (values.TryGetValue("duration", out var minutes))
        {
            form.DurationMinutes = Parsed("--duration", minutes, s => int.Parse(s, CultureInfo.InvariantCulture));
        }

        if (values.TryGetValue("mode", out var mode))
        {
            form.Mode = mode.ToLowerInvariant() switch
            {
                "phone" => MeetingMode.Phone,
                "video" => MeetingMode.Video,
                "in-person" => MeetingMode.InPerson,
                _ => throw new FormatException("--mode"),
            };
        }

        return form;
    }

    private static T Parsed<T>(string option, string value, Func<string, T> parse)
    {
        try
        {
            return parse(value);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new FormatException(option, e);
        }
    }

    /// <summary>The command's own options (<c>--name value</c> or <c>--name=value</c>); configuration (<c>--Key=value</c>, <c>--Key value</c>) passes on.</summary>
    private static (Dictionary<string, string> Values, List<string> Passed, List<string> Unknown) Parse(List<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                unknown.Add(arg);
                continue;
            }

            var (key, inline) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (arg[2..eq], arg[(eq + 1)..]) : (arg[2..], null);
            if (key == "help")
            {
                values["help"] = string.Empty;
                continue;
            }

            var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
            if (Options.Contains(key))
            {
                values[key] = value ?? string.Empty;
            }
            else if (key.Contains(':', StringComparison.Ordinal) || key is "environment" or "contentRoot" or "applicationName")
            {
                rest.Add($"--{key}={value}");
            }
            else
            {
                unknown.Add("--" + key);
            }
        }

        return (values, rest, unknown);
    }

    private static string OptionOf(string field) => field switch
    {
        nameof(FoundNetwork.CoordinatorName) => "coordinator-name",
        nameof(FoundNetwork.CoordinatorEmail) => "coordinator-email",
        nameof(FoundNetwork.CoordinatorOrganisation) => "coordinator-organisation",
        nameof(FoundNetwork.FirstMeeting) => "first-meeting",
        nameof(FoundNetwork.MeetingTime) => "time",
        nameof(FoundNetwork.IntervalWeeks) => "every-weeks",
        nameof(FoundNetwork.DurationMinutes) => "duration",
        nameof(FoundNetwork.ModeDetails) => "mode-details",
        _ => field.ToLowerInvariant(),
    };
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Data;

/// <summary>Network names (for the app bar) and time zones (for live changes), read once per network.</summary>
public sealed class NetworkDirectory(IDbContextFactory<NinetyNineDb> dbFactory)
{
    private readonly ConcurrentDictionary<NetworkId, (string Name, string TimeZoneId)> _networks = new();

    public async Task<string> NameAsync(NetworkId id) => (await EntryAsync(id)).Name;

    public async Task<string> TimeZoneAsync(NetworkId id) => (await EntryAsync(id)).TimeZoneId;

    private async Task<(string Name, string TimeZoneId)> EntryAsync(NetworkId id)
    {
        if (_networks.TryGetValue(id, out var entry))
        {
            return entry;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var found = await db.Networks.Where(n => n.Id == id).Select(n => new { n.Name, n.TimeZoneId }).SingleAsync();
        entry = (found.Name, found.TimeZoneId);
        _networks[id] = entry;
        return entry;
    }
}

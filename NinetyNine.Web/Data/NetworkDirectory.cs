using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Data;

/// <summary>Network names for the app bar, read once per network.</summary>
public sealed class NetworkDirectory(IDbContextFactory<NinetyNineDb> dbFactory)
{
    private readonly ConcurrentDictionary<NetworkId, string> _names = new();

    public async Task<string> NameAsync(NetworkId id)
    {
        if (_names.TryGetValue(id, out var name))
        {
            return name;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        name = await db.Networks.Where(n => n.Id == id).Select(n => n.Name).SingleAsync();
        _names[id] = name;
        return name;
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NinetyNine.Web.Data;

/// <summary>Where the database lives and how connections are set up. The provider is configuration.</summary>
public static class DatabaseSetup
{
    public const string ConnectionStringName = "NinetyNine";

    public static IServiceCollection AddNinetyNineDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        if (!string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database provider '{provider}' is not supported yet; use 'Sqlite'.");
        }

        var connectionString = ResolveConnectionString(configuration, environment);
        services.AddDbContextFactory<NinetyNineDb>(options => options
            .UseSqlite(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            // SQLite's table rebuilds switch foreign keys off outside the migration's transaction, as SQLite requires;
            // that is expected and no reason for a warning at every start with a new database.
            .ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)))
            .AddInterceptors(new SqlitePragmas()));
        return services;
    }

    /// <summary>
    /// The configured connection string, or a file under the repository's <c>data/</c> folder.
    /// A relative data source is taken relative to that folder's parent, not the working directory.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var root = RepositoryRoot(environment.ContentRootPath);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/ninetynine.db" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(root, builder.DataSource));
        }

        if (builder.Mode != SqliteOpenMode.Memory && Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>Where the app keeps its files (sign-in keys, the file sender's emails; the database has its own connection string): <c>NinetyNine:DataDirectory</c>, else the repository's <c>data/</c>.</summary>
    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["NinetyNine:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryRoot(environment.ContentRootPath), "data");

    /// <summary>The folder holding NinetyNine.sln above the content root; the content root itself when deployed.</summary>
    public static string RepositoryRoot(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NinetyNine.sln")))
            {
                return dir.FullName;
            }
        }

        return contentRoot;
    }

    /// <summary>Applies pending migrations and switches the file to write-ahead logging.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<NinetyNineDb>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>Every connection waits for a busy writer instead of failing, and enforces foreign keys.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }
    }
}

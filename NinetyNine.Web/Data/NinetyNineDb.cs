using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.Onboarding;
using NinetyNine.Domain.ThemeGroups;
using NinetyNine.Web.Features.Outbox;

namespace NinetyNine.Web.Data;

/// <summary>
/// The aggregates, the sign-in accounts and the email outbox. Every save bumps the <see cref="IAggregateRoot.Version"/>
/// of each aggregate it touches (also when only a child changed), so a stale save fails as a conflict.
/// </summary>
public sealed class NinetyNineDb(DbContextOptions<NinetyNineDb> options) : IdentityDbContext<UserAccount>(options)
{
    public DbSet<Network> Networks => Set<Network>();
    public DbSet<ThemeGroup> ThemeGroups => Set<ThemeGroup>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<OnboardingTemplate> OnboardingTemplates => Set<OnboardingTemplate>();
    public DbSet<OnboardingChecklist> OnboardingChecklists => Set<OnboardingChecklist>();
    public DbSet<Board> Boards => Set<Board>();
    public DbSet<StatusReport> StatusReports => Set<StatusReport>();
    public DbSet<BoardActivityRecord> BoardActivities => Set<BoardActivityRecord>();
    public DbSet<Live.OperationRecord> OperationRecords => Set<Live.OperationRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NinetyNineDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<NetworkId>().HaveConversion<NetworkIdConverter>();
        configurationBuilder.Properties<PersonId>().HaveConversion<PersonIdConverter>();
        configurationBuilder.Properties<EmployerId>().HaveConversion<EmployerIdConverter>();
        configurationBuilder.Properties<ThemeGroupId>().HaveConversion<ThemeGroupIdConverter>();
        configurationBuilder.Properties<ApplicationId>().HaveConversion<ApplicationIdConverter>();
        configurationBuilder.Properties<MeetingId>().HaveConversion<MeetingIdConverter>();
        configurationBuilder.Properties<AgendaItemId>().HaveConversion<AgendaItemIdConverter>();
        configurationBuilder.Properties<OnboardingChecklistId>().HaveConversion<OnboardingChecklistIdConverter>();
        configurationBuilder.Properties<BoardId>().HaveConversion<BoardIdConverter>();
        configurationBuilder.Properties<CardId>().HaveConversion<CardIdConverter>();
        configurationBuilder.Properties<ColumnId>().HaveConversion<ColumnIdConverter>();
        configurationBuilder.Properties<KvkNumber>().HaveConversion<KvkNumberConverter>().HaveMaxLength(8);
        configurationBuilder.Properties<EmailAddress>().HaveConversion<EmailAddressConverter>().HaveMaxLength(EmailAddress.MaxLength);
        if (Database.IsSqlite())
        {
            // SQLite cannot compare DateTimeOffset text; store it as a sortable number.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return Translate(() => base.SaveChanges(acceptAllChangesOnSuccess));
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConcurrencyConflictException(e.Message, e);
        }
    }

    private static int Translate(Func<int> save)
    {
        try
        {
            return save();
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConcurrencyConflictException(e.Message, e);
        }
    }

    private void BumpVersions()
    {
        ChangeTracker.DetectChanges();
        var touched = new HashSet<IAggregateRoot>(ReferenceEqualityComparer.Instance);
        var entries = ChangeTracker.Entries().ToList();
        foreach (var entry in entries.Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (RootOf(entry, entries) is { } root && entries.First(e => ReferenceEquals(e.Entity, root)).State is EntityState.Modified or EntityState.Unchanged)
            {
                touched.Add(root);
            }
        }

        foreach (var root in touched)
        {
            root.BumpVersion();
        }
    }

    /// <summary>The aggregate root an entry belongs to: itself, or the owner of an owned child.</summary>
    private static IAggregateRoot? RootOf(EntityEntry entry, List<EntityEntry> entries)
    {
        while (true)
        {
            if (entry.Entity is IAggregateRoot root)
            {
                return root;
            }

            var ownership = entry.Metadata.FindOwnership();
            if (ownership is null)
            {
                return null;
            }

            var keyValues = ownership.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToArray();
            var principalKey = ownership.PrincipalKey.Properties;
            var owner = entries.FirstOrDefault(e =>
                e.Metadata == ownership.PrincipalEntityType
                && principalKey.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(keyValues));
            if (owner is null)
            {
                return null;
            }

            entry = owner;
        }
    }
}

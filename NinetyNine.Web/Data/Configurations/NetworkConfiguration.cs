using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;

namespace NinetyNine.Web.Data.Configurations;

internal sealed class NetworkConfiguration : IEntityTypeConfiguration<Network>
{
    public void Configure(EntityTypeBuilder<Network> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.Property(n => n.Name).HasMaxLength(Network.NameMaxLength);
        builder.Property(n => n.Slug).HasMaxLength(Network.SlugMaxLength);
        builder.HasIndex(n => n.Slug).IsUnique();
        builder.Property(n => n.Region).HasMaxLength(Network.RegionMaxLength);
        builder.Property(n => n.TimeZoneId).HasMaxLength(64);
        builder.ComplexProperty(n => n.Cadence, c => c.Property(x => x.ModeDetails).HasMaxLength(Meeting.ModeDetailsMaxLength));
        builder.Property(n => n.Description).HasMaxLength(Network.DescriptionMaxLength);
        builder.Property(n => n.StandingAgenda).HasJsonConversion();

        builder.OwnsMany(n => n.Employers, e =>
        {
            e.ToTable("Employers");
            e.WithOwner().HasForeignKey("NetworkId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(Employer.NameMaxLength);
            e.Property(x => x.Sector).HasMaxLength(Employer.SectorMaxLength);
            e.Property(x => x.Town).HasMaxLength(Employer.TownMaxLength);
            e.HasIndex("NetworkId", nameof(Employer.Kvk)).IsUnique();
        });
        builder.Navigation(n => n.Employers).HasField("_employers").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(n => n.People, p =>
        {
            p.ToTable("People");
            p.WithOwner().HasForeignKey("NetworkId");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.Name).HasMaxLength(Person.NameMaxLength);
            p.Property(x => x.Phone).HasMaxLength(Person.PhoneMaxLength);
            p.Property(x => x.Function).HasMaxLength(Person.FunctionMaxLength);
            p.Property(x => x.Organisation).HasMaxLength(Employer.NameMaxLength);
            p.HasIndex("NetworkId", nameof(Person.Email)).IsUnique();
        });
        builder.Navigation(n => n.People).HasField("_people").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Ignore(n => n.RoleHistory);
        builder.OwnsMany(n => n.Roles, r =>
        {
            r.ToTable("RoleAssignments");
            r.WithOwner().HasForeignKey("NetworkId");
            // Ended roles stay as history, so a person can hold the same role again later: a key of its own.
            r.Property<int>("Id");
            r.HasKey("Id");
            r.HasIndex("NetworkId", nameof(RoleAssignment.PersonId), nameof(RoleAssignment.Role));
            r.Ignore(x => x.IsCurrent);
        });
        builder.Navigation(n => n.Roles).HasField("_roles").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

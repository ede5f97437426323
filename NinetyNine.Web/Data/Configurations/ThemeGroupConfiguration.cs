using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;

namespace NinetyNine.Web.Data.Configurations;

internal sealed class ThemeGroupConfiguration : IEntityTypeConfiguration<ThemeGroup>
{
    public void Configure(EntityTypeBuilder<ThemeGroup> builder)
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.Property(g => g.Name).HasMaxLength(ThemeGroup.NameMaxLength);
        builder.Property(g => g.Goal).HasMaxLength(ThemeGroup.GoalMaxLength);
        builder.HasOne<Network>().WithMany().HasForeignKey(g => g.NetworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.NetworkId, g.Position });

        builder.OwnsMany(g => g.Members, m =>
        {
            m.ToTable("ThemeGroupMembers");
            m.WithOwner().HasForeignKey("ThemeGroupId");
            m.HasKey("ThemeGroupId", nameof(ThemeGroupMember.EmployerId));
        });
        builder.Navigation(g => g.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(g => g.Advisors, a =>
        {
            a.ToTable("ThemeGroupAdvisors");
            a.WithOwner().HasForeignKey("ThemeGroupId");
            a.HasKey("ThemeGroupId", nameof(ThemeGroupAdvisor.PersonId));
        });
        builder.Navigation(g => g.Advisors).HasField("_advisors").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

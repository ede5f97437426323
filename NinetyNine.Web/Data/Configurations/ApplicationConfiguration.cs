using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Networks;

namespace NinetyNine.Web.Data.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Network>().WithMany().HasForeignKey(a => a.NetworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.NetworkId, a.Status });
        builder.HasIndex(a => a.Reference).IsUnique();
        builder.Property(a => a.Reference).HasMaxLength(20);
        builder.Property(a => a.CompanyName).HasMaxLength(SubmitApplication.NameMaxLength);
        builder.Property(a => a.Sector).HasMaxLength(SubmitApplication.ShortTextMaxLength);
        builder.Property(a => a.Town).HasMaxLength(SubmitApplication.ShortTextMaxLength);
        builder.Property(a => a.Website).HasMaxLength(SubmitApplication.WebsiteMaxLength);
        builder.Property(a => a.ContactName).HasMaxLength(SubmitApplication.NameMaxLength);
        builder.Property(a => a.ContactRole).HasMaxLength(SubmitApplication.ShortTextMaxLength);
        builder.Property(a => a.ContactPhone).HasMaxLength(SubmitApplication.PhoneMaxLength);
        builder.Property(a => a.Motivation).HasMaxLength(SubmitApplication.MotivationMaxLength);
        builder.Property(a => a.OfferDetails).HasMaxLength(SubmitApplication.MotivationMaxLength);
    }
}

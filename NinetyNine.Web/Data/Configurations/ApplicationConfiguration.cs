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
        builder.Ignore(a => a.IsOpen);
        builder.HasIndex(a => new { a.Status, a.AnonymisedAt });
        builder.Ignore(a => a.IsVoteClosed);
        builder.Ignore(a => a.ViewCount);
        builder.Ignore(a => a.FinalDecision);
        builder.Ignore(a => a.Tally);

        // The views are private until the vote closes: reached only through the aggregate (ViewsVisibleTo).
        builder.OwnsMany<CoreGroupView>("_views", v =>
        {
            v.ToTable("ApplicationViews");
            v.WithOwner().HasForeignKey("ApplicationId");
            v.Property<int>("Id");
            v.HasKey("Id");
            v.HasIndex("ApplicationId", nameof(CoreGroupView.PersonId)).IsUnique();
            v.Property(x => x.PersonName).HasMaxLength(120);
            v.Property(x => x.Remark).HasMaxLength(CoreGroupView.RemarkMaxLength);
        });
        builder.OwnsMany(a => a.Decisions, d =>
        {
            d.ToTable("ApplicationDecisions");
            d.WithOwner().HasForeignKey("ApplicationId");
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).ValueGeneratedNever();
            d.Property(x => x.Rationale).HasMaxLength(ApplicationDecision.RationaleMaxLength);
        });
        builder.Navigation(a => a.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(a => a.Notes, n =>
        {
            n.ToTable("ApplicationNotes");
            n.WithOwner().HasForeignKey("ApplicationId");
            n.HasKey(x => x.Id);
            n.Property(x => x.Id).ValueGeneratedNever();
            n.Property(x => x.Text).HasMaxLength(ApplicationNote.TextMaxLength);
            n.Property(x => x.Author).HasMaxLength(120);
        });
        builder.Navigation(a => a.Notes).HasField("_notes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;

namespace NinetyNine.Web.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Network>().WithMany().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.NetworkId, m.StartsAt });
        builder.Property(m => m.ModeDetails).HasMaxLength(Meeting.ModeDetailsMaxLength);
        builder.Ignore(m => m.EndsAt);

        builder.OwnsMany(m => m.Agenda, i =>
        {
            i.ToTable("AgendaItems");
            i.WithOwner().HasForeignKey("MeetingId");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).ValueGeneratedNever();
            i.Property(x => x.Title).HasMaxLength(AgendaItem.TitleMaxLength);
        });
        builder.Navigation(m => m.Agenda).HasField("_agenda").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

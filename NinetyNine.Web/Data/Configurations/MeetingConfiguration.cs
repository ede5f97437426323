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

        // One meeting per cadence date: two servers planning the series at once cannot both add it.
        builder.HasIndex(m => new { m.NetworkId, m.SeriesDate }).IsUnique().HasFilter("SeriesDate IS NOT NULL");
        builder.Property(m => m.ModeDetails).HasMaxLength(Meeting.ModeDetailsMaxLength);
        builder.Ignore(m => m.EndsAt);
        builder.Ignore(m => m.PredictedEnd);

        builder.OwnsMany(m => m.Agenda, i =>
        {
            i.ToTable("AgendaItems");
            i.WithOwner().HasForeignKey("MeetingId");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).ValueGeneratedNever();
            i.Property(x => x.Title).HasMaxLength(AgendaItem.TitleMaxLength);
            i.Property(x => x.Presenter).HasMaxLength(AgendaItem.PresenterMaxLength);
            i.Property(x => x.Notes).HasMaxLength(AgendaItem.NotesMaxLength);
            i.Property(x => x.NotesRevision);
            i.Property<string>("_notesHistory").HasColumnName("NotesHistory");
            i.Ignore(x => x.IsStanding);
            i.OwnsMany(x => x.Topics, t =>
            {
                t.ToTable("AgendaTopics");
                t.WithOwner().HasForeignKey("AgendaItemId");
                t.HasKey(x => x.Id);
                t.Property(x => x.Id).ValueGeneratedNever();
                t.Property(x => x.Title).HasMaxLength(AgendaItem.TitleMaxLength);
                t.Property(x => x.Presenter).HasMaxLength(AgendaItem.PresenterMaxLength);
                t.Property(x => x.Detail).HasMaxLength(AgendaTopic.DetailMaxLength);
                t.HasIndex(x => new { x.Kind, x.ReferenceId });
            });
            i.Navigation(x => x.Topics).HasField("_topics").UsePropertyAccessMode(PropertyAccessMode.Field);
            i.OwnsMany(x => x.Decisions, d =>
            {
                d.ToTable("Decisions");
                d.WithOwner().HasForeignKey("AgendaItemId");
                d.HasKey(x => x.Id);
                d.Property(x => x.Id).ValueGeneratedNever();
                d.Property(x => x.Text).HasMaxLength(Decision.TextMaxLength);
            });
            i.Navigation(x => x.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
            i.OwnsMany(x => x.ActionItems, a =>
            {
                a.ToTable("ActionItems");
                a.WithOwner().HasForeignKey("AgendaItemId");
                // An action carried over to the next meeting keeps its id: unique per agenda item, not across meetings.
                a.HasKey("AgendaItemId", nameof(ActionItem.Id));
                a.Property(x => x.Id).ValueGeneratedNever();
                a.Property(x => x.Text).HasMaxLength(ActionItem.TextMaxLength);
                a.Property(x => x.Owner).HasMaxLength(ActionItem.OwnerMaxLength);
            });
            i.Navigation(x => x.ActionItems).HasField("_actionItems").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(m => m.Agenda).HasField("_agenda").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NinetyNine.Domain.Meetings;

namespace NinetyNine.Web.Data.Configurations;

internal sealed class MeetingChangeConfiguration : IEntityTypeConfiguration<MeetingChangeRecord>
{
    public void Configure(EntityTypeBuilder<MeetingChangeRecord> builder)
    {
        builder.ToTable("MeetingChanges");
        builder.HasKey(c => c.Id);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.MeetingId, c.Sequence }).IsUnique();
        builder.HasIndex(c => new { c.MeetingId, c.OperationId }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NinetyNine.Web.Live;

namespace NinetyNine.Web.Data.Configurations;

internal sealed class OperationRecordConfiguration : IEntityTypeConfiguration<OperationRecord>
{
    public void Configure(EntityTypeBuilder<OperationRecord> builder)
    {
        builder.ToTable("OperationRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.AggregateType).HasMaxLength(OperationRecord.AggregateTypeMaxLength).IsRequired();
        builder.Property(r => r.Operation).HasMaxLength(OperationRecord.OperationMaxLength).IsRequired();
        builder.Property(r => r.Payload).IsRequired();
        builder.HasIndex(r => new { r.AggregateType, r.AggregateId, r.Sequence }).IsUnique();
        builder.HasIndex(r => new { r.AggregateType, r.AggregateId, r.OperationId }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Features.Outbox;

namespace NinetyNine.Web.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.To).HasMaxLength(OutboxMessage.ToMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.Body).HasMaxLength(OutboxMessage.BodyMaxLength);
        builder.Property(m => m.Culture).HasMaxLength(OutboxMessage.CultureMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);
        builder.Ignore(m => m.IsSent);
        builder.HasOne<Network>().WithMany().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
        // An erased application takes its emails (they hold its contact data) with it.
        builder.HasOne<Application>().WithMany().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // The dispatcher's question: what is not sent yet, oldest first.
        builder.HasIndex(m => new { m.SentAt, m.CreatedAt });
        builder.HasIndex(m => m.ApplicationId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;

namespace NinetyNine.Web.Data.Configurations;

internal sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<Network>().WithMany().HasForeignKey(b => b.NetworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ThemeGroup>().WithMany().HasForeignKey(b => b.ThemeGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => b.ThemeGroupId).IsUnique();
        builder.Ignore(b => b.Columns);
        builder.Ignore(b => b.ArchivedColumns);

        builder.OwnsMany<BoardColumn>("_columns", c =>
        {
            c.ToTable("BoardColumns");
            c.WithOwner().HasForeignKey("BoardId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.Name).HasMaxLength(BoardColumn.NameMaxLength);
        });

        // A card's fields, checklist, legal questions and origin are value objects: one JSON column each.
        builder.OwnsMany(b => b.Cards, c =>
        {
            c.ToTable("BoardCards");
            c.WithOwner().HasForeignKey("BoardId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.Fields).HasJsonConversion();
            c.Property(x => x.Checklist).HasJsonConversion();
            c.Property(x => x.LegalAdvice).HasJsonConversion();
            c.Property(x => x.EarlierLegalAdvice).HasJsonConversion();
            c.Property(x => x.Origin).HasJsonConversion();
            c.HasIndex("BoardId", nameof(Card.ColumnId), nameof(Card.Position));
            c.OwnsMany(x => x.Comments, m =>
            {
                m.ToTable("BoardCardComments");
                m.WithOwner().HasForeignKey("CardId");
                m.HasKey(x => x.Id);
                m.Property(x => x.Id).ValueGeneratedNever();
                m.Property(x => x.AuthorName).HasMaxLength(120);
                m.Property(x => x.Text).HasMaxLength(CardComment.TextMaxLength);
            });
            c.Navigation(x => x.Comments).HasField("_comments").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(b => b.Cards).HasField("_cards").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StatusReportConfiguration : IEntityTypeConfiguration<StatusReport>
{
    public void Configure(EntityTypeBuilder<StatusReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<ThemeGroup>().WithMany().HasForeignKey(r => r.ThemeGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ThemeGroupId, r.At });
        builder.Property(r => r.Text).HasMaxLength(StatusReport.TextMaxLength);
        builder.Property(r => r.Highlights).HasMaxLength(StatusReport.HighlightsMaxLength);
        builder.Property(r => r.AuthorName).HasMaxLength(120);
    }
}

internal sealed class BoardActivityConfiguration : IEntityTypeConfiguration<BoardActivityRecord>
{
    public void Configure(EntityTypeBuilder<BoardActivityRecord> builder)
    {
        builder.ToTable("BoardActivities");
        builder.HasKey(a => a.Id);
        builder.HasOne<Board>().WithMany().HasForeignKey(a => a.BoardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.BoardId, a.Id });
        builder.HasIndex(a => new { a.CardId, a.Id });
        builder.Property(a => a.CardTitle).HasMaxLength(CardFields.TitleMaxLength);
        builder.Property(a => a.Kind).HasMaxLength(40);
        builder.Property(a => a.Detail).HasMaxLength(BoardActivityRecord.DetailMaxLength);
        builder.Property(a => a.PersonName).HasMaxLength(120);
    }
}

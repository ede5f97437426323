using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NinetyNine.Web.Data.Configurations;

/// <summary>What NinetyNine adds to Identity's account table.</summary>
internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.Property(a => a.Language).HasMaxLength(UserAccount.LanguageMaxLength);
    }
}

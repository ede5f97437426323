using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.Onboarding;

namespace NinetyNine.Web.Data.Configurations;

internal sealed class OnboardingTemplateConfiguration : IEntityTypeConfiguration<OnboardingTemplate>
{
    public void Configure(EntityTypeBuilder<OnboardingTemplate> builder)
    {
        builder.HasKey(t => t.NetworkId);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Network>().WithMany().HasForeignKey(t => t.NetworkId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(t => t.CurrentVersion);
        builder.Ignore(t => t.Current);
        builder.Ignore(t => t.Versions);

        // A published version never changes: its ordered steps are kept as one JSON document.
        builder.OwnsMany<TemplateVersion>("_versions", v =>
        {
            v.ToTable("OnboardingTemplateVersions");
            v.WithOwner().HasForeignKey(nameof(OnboardingTemplate.NetworkId));
            v.HasKey(nameof(OnboardingTemplate.NetworkId), nameof(TemplateVersion.Number));
            v.Property(x => x.Number).ValueGeneratedNever();
            v.Property(x => x.PublishedBy).HasMaxLength(OnboardingTemplate.PublisherMaxLength);
            v.Property(x => x.Steps).HasJsonConversion();
        });
    }
}

internal sealed class OnboardingChecklistConfiguration : IEntityTypeConfiguration<OnboardingChecklist>
{
    public void Configure(EntityTypeBuilder<OnboardingChecklist> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Network>().WithMany().HasForeignKey(c => c.NetworkId).OnDelete(DeleteBehavior.Cascade);
        // One onboarding per employer.
        builder.HasIndex(c => new { c.NetworkId, c.EmployerId }).IsUnique();
        builder.Ignore(c => c.IsComplete);
        builder.Ignore(c => c.Finished);
        builder.Ignore(c => c.NextStep);
        builder.Ignore(c => c.LastActivity);

        builder.OwnsMany<ChecklistStep>("_steps", s =>
        {
            s.ToTable("OnboardingSteps");
            s.WithOwner().HasForeignKey("ChecklistId");
            s.HasKey("ChecklistId", nameof(ChecklistStep.Position));
            s.Property(x => x.Position).ValueGeneratedNever();
            s.Property(x => x.Title).HasMaxLength(TemplateStep.TitleMaxLength);
            s.Property(x => x.Explanation).HasMaxLength(TemplateStep.ExplanationMaxLength);
            s.Property(x => x.Reason).HasMaxLength(ChecklistStep.ReasonMaxLength);
            s.HasIndex(x => x.AssigneeId);
        });
        builder.Ignore(c => c.Steps);
        builder.OwnsMany<StepComment>("_comments", c =>
        {
            c.ToTable("OnboardingComments");
            c.WithOwner().HasForeignKey("ChecklistId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.AuthorName).HasMaxLength(120);
            c.Property(x => x.Text).HasMaxLength(StepComment.TextMaxLength);
        });
        builder.Ignore(c => c.Comments);
    }
}

using Bunit;
using NinetyNine.Domain.Common;
using NinetyNine.Web.Features.Dashboard;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Components;

public sealed class JobsCardTests : MudTestContext
{
    [Fact]
    public void Shows_each_employer_with_realised_over_target_and_a_total()
    {
        EmployerJobs[] employers =
        [
            new(EmployerId.New(), "Bakkerij Oude Mors", "Borne", 4, 4),
            new(EmployerId.New(), "Wevers Bouw", "Tubbergen", 0, 6),
        ];

        var card = Render<JobsCard>(p => p
            .Add(c => c.Employers, employers)
            .Add(c => c.JobsRealised, 4)
            .Add(c => c.JobsAmbition, 10));

        Assert.Equal("4 van 10 banen gerealiseerd (inclusieve ambitie)", card.Find("[data-testid=jobs-total]").TextContent.Trim());
        var rows = card.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("4 / 4", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("0 / 6", rows[1].TextContent, StringComparison.Ordinal);
        Assert.All(card.FindAll(".mud-progress-linear"), bar => Assert.False(string.IsNullOrEmpty(bar.GetAttribute("aria-label"))));
    }
}

using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;

namespace NinetyNine.Tests.Domain;

/// <summary>Applying through the public form: an employer that takes part, or already waits, is refused.</summary>
public class ApplicationIntakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(1));

    /// <summary>A valid form of an employer that is not in the sample network.</summary>
    private static SubmitApplication Newcomer()
    {
        var form = ApplicationTests.ValidForm();
        form.Kvk = "90000001";
        return form;
    }

    [Fact]
    public void A_new_employer_may_apply()
    {
        var sample = SampleNetwork.Create();

        var application = Application.SubmitTo(sample.Network, [], Newcomer(), Now);

        Assert.Equal(sample.Network.Id, application.NetworkId);
        Assert.True(application.IsOpen);
    }

    [Fact]
    public void An_employer_that_already_takes_part_is_refused()
    {
        var sample = SampleNetwork.Create();
        var form = ApplicationTests.ValidForm();
        form.Kvk = sample.Bakery.Kvk.Value;

        var refused = DomainFixtures.ThrowsCode("Application.AlreadyMember", () => Application.SubmitTo(sample.Network, [], form, Now));
        Assert.Contains(sample.Bakery.Kvk.Value, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_employer_that_left_may_apply_again()
    {
        var sample = SampleNetwork.Create();
        sample.Network.EmployerLeaves(sample.Garage.Id, DomainFixtures.Today.AddDays(30));
        var form = ApplicationTests.ValidForm();
        form.Kvk = sample.Garage.Kvk.Value;

        Assert.True(Application.SubmitTo(sample.Network, [], form, Now).IsOpen);
    }

    [Fact]
    public void A_second_application_while_the_first_waits_is_refused_but_another_networks_does_not_count()
    {
        var sample = SampleNetwork.Create();
        var other = SampleNetwork.Create("99van-twente");
        var waiting = Application.SubmitTo(sample.Network, [], Newcomer(), Now);
        var elsewhere = Application.SubmitTo(other.Network, [], Newcomer(), Now);

        DomainFixtures.ThrowsCode("Application.AlreadyWaiting", () => Application.SubmitTo(sample.Network, [waiting], Newcomer(), Now));
        Assert.True(Application.SubmitTo(other.Network, [waiting], Newcomer(), Now).IsOpen);
        Assert.NotEqual(waiting.NetworkId, elsewhere.NetworkId);
    }

    [Fact]
    public void The_offer_switches_read_and_write_the_offers()
    {
        var form = new SubmitApplication { OffersJobs = true, OffersKnowledge = true };

        Assert.Equal(Offer.Jobs | Offer.Knowledge, form.Offers);
        form.OffersJobs = false;
        Assert.Equal(Offer.Knowledge, form.Offers);
        Assert.False(form.OffersWorkPlacements || form.OffersOther);
    }
}

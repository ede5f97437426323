using Microsoft.Extensions.Time.Testing;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

public class NetworkTests
{
    private static int CoordinatorCount(Network network) => network.Roles.Count(r => r.Role == NetworkRole.Coordinator);

    [Fact]
    public void Found_gives_exactly_one_coordinator_the_founder()
    {
        var network = FoundNetwork();

        var founder = Assert.Single(network.People);
        var role = Assert.Single(network.Roles);
        Assert.Equal(NetworkRole.Coordinator, role.Role);
        Assert.Equal(founder.Id, role.PersonId);
        Assert.Equal(Today, role.Since);
        Assert.Same(founder, network.Coordinator);
        Assert.Equal("Coco Coördinator", founder.Name);
        Assert.Equal("De Normaalste Zaak", founder.Organisation);
    }

    [Fact]
    public void Found_lower_cases_the_slug_and_refuses_other_characters()
    {
        Assert.Equal("99van-utrecht", FoundNetwork("99van-Utrecht").Slug);
        ThrowsCode("Network.SlugInvalid", () => FoundNetwork("99van utrecht"));
        ThrowsCode("Network.SlugInvalid", () => FoundNetwork("99van/utrecht"));
    }

    [Fact]
    public void AssignRole_coordinator_is_refused_in_favour_of_a_handover()
    {
        var sample = SampleNetwork.Create();

        ThrowsCode("Network.UseAppointCoordinator",
            () => sample.Network.AssignRole(sample.Mechanic.Id, NetworkRole.Coordinator, Today));

        Assert.Equal(1, CoordinatorCount(sample.Network));
        Assert.Empty(sample.Network.RolesOf(sample.Mechanic.Id));
    }

    [Fact]
    public void AppointCoordinator_replaces_the_current_one_so_there_is_still_exactly_one()
    {
        var sample = SampleNetwork.Create();
        var handover = Today.AddDays(30);

        sample.Network.AppointCoordinator(sample.Mechanic.Id, handover);

        Assert.Equal(1, CoordinatorCount(sample.Network));
        Assert.Same(sample.Mechanic, sample.Network.Coordinator);
        Assert.False(sample.Network.HasRole(sample.Coordinator.Id, NetworkRole.Coordinator));
        Assert.Equal(handover, sample.Network.Roles.Single(r => r.Role == NetworkRole.Coordinator).Since);
    }

    [Fact]
    public void AppointCoordinator_of_the_current_coordinator_is_refused()
    {
        var network = FoundNetwork();

        ThrowsCode("Network.RoleAlreadyHeld", () => network.AppointCoordinator(network.Coordinator.Id, Today));
        Assert.Equal(1, CoordinatorCount(network));
    }

    [Fact]
    public void AppointCoordinator_of_an_inactive_person_is_refused()
    {
        var sample = SampleNetwork.Create();
        sample.Network.DeactivatePerson(sample.Mechanic.Id, DomainFixtures.Today);

        ThrowsCode("Network.PersonInactive", () => sample.Network.AppointCoordinator(sample.Mechanic.Id, Today));
        Assert.Same(sample.Coordinator, sample.Network.Coordinator);
    }

    [Fact]
    public void RevokeRole_of_the_coordinator_needs_a_successor()
    {
        var network = FoundNetwork();
        var coordinator = network.Coordinator;

        ThrowsCode("Network.CoordinatorNeedsSuccessor", () => network.RevokeRole(coordinator.Id, NetworkRole.Coordinator, DomainFixtures.Today));
        Assert.True(network.HasRole(coordinator.Id, NetworkRole.Coordinator));
    }

    [Fact]
    public void DeactivatePerson_of_the_coordinator_needs_a_successor()
    {
        var network = FoundNetwork();
        var coordinator = network.Coordinator;

        ThrowsCode("Network.CoordinatorNeedsSuccessor", () => network.DeactivatePerson(coordinator.Id, DomainFixtures.Today));
        Assert.True(coordinator.IsActive);
        Assert.Same(coordinator, network.Coordinator);
    }

    [Fact]
    public void DeactivatePerson_drops_all_roles_and_blocks_new_ones()
    {
        var sample = SampleNetwork.Create();
        var network = sample.Network;
        network.AssignRole(sample.Baker.Id, NetworkRole.Participant, Today);
        network.AssignRole(sample.Baker.Id, NetworkRole.CoreGroupMember, Today);

        network.DeactivatePerson(sample.Baker.Id, DomainFixtures.Today);

        Assert.False(sample.Baker.IsActive);
        Assert.Empty(network.RolesOf(sample.Baker.Id));
        ThrowsCode("Network.PersonInactive", () => network.AssignRole(sample.Baker.Id, NetworkRole.Advisor, Today));
    }

    [Theory]
    [InlineData(NetworkRole.CoreGroupMember)]
    [InlineData(NetworkRole.Participant)]
    public void Core_group_and_participant_roles_need_a_person_who_represents_an_employer(NetworkRole role)
    {
        var sample = SampleNetwork.Create();

        ThrowsCode("Network.RoleNeedsEmployer", () => sample.Network.AssignRole(sample.Lawyer.Id, role, Today));
        Assert.Empty(sample.Network.RolesOf(sample.Lawyer.Id));
    }

    [Theory]
    [InlineData(NetworkRole.CoreGroupMember)]
    [InlineData(NetworkRole.Participant)]
    public void Core_group_and_participant_roles_need_an_employer_that_is_still_active(NetworkRole role)
    {
        var sample = SampleNetwork.Create();
        sample.Network.EmployerLeaves(sample.Garage.Id, Today.AddDays(1));

        ThrowsCode("Network.RoleNeedsEmployer", () => sample.Network.AssignRole(sample.Mechanic.Id, role, Today));
        Assert.Empty(sample.Network.RolesOf(sample.Mechanic.Id));
    }

    [Fact]
    public void Advisor_role_does_not_need_an_employer()
    {
        var sample = SampleNetwork.Create();

        sample.Network.AssignRole(sample.Lawyer.Id, NetworkRole.Advisor, Today);

        Assert.True(sample.Network.HasRole(sample.Lawyer.Id, NetworkRole.Advisor));
    }

    [Fact]
    public void AssignRole_twice_is_refused_as_already_held()
    {
        var sample = SampleNetwork.Create();
        sample.Network.AssignRole(sample.Baker.Id, NetworkRole.Participant, Today);

        ThrowsCode("Network.RoleAlreadyHeld", () => sample.Network.AssignRole(sample.Baker.Id, NetworkRole.Participant, Today));
        Assert.Single(sample.Network.RolesOf(sample.Baker.Id));
    }

    [Fact]
    public void RevokeRole_removes_only_that_role_and_refuses_a_role_not_held()
    {
        var sample = SampleNetwork.Create();
        var network = sample.Network;
        network.AssignRole(sample.Baker.Id, NetworkRole.Participant, Today);
        network.AssignRole(sample.Baker.Id, NetworkRole.CoreGroupMember, Today);

        network.RevokeRole(sample.Baker.Id, NetworkRole.CoreGroupMember, Today.AddDays(30));

        Assert.Equal([NetworkRole.Participant], network.RolesOf(sample.Baker.Id));
        ThrowsCode("Network.RoleNotHeld", () => network.RevokeRole(sample.Baker.Id, NetworkRole.CoreGroupMember, Today));
    }

    [Fact]
    public void Ended_roles_stay_in_the_history_and_a_role_can_be_held_again()
    {
        var sample = SampleNetwork.Create();
        var network = sample.Network;
        network.AssignRole(sample.Baker.Id, NetworkRole.CoreGroupMember, Today);
        network.RevokeRole(sample.Baker.Id, NetworkRole.CoreGroupMember, Today.AddDays(30));
        network.AssignRole(sample.Baker.Id, NetworkRole.CoreGroupMember, Today.AddDays(60));
        network.AppointCoordinator(sample.Lawyer.Id, Today.AddDays(90));

        var bakers = network.RoleHistory.Where(r => r.PersonId == sample.Baker.Id && r.Role == NetworkRole.CoreGroupMember).ToList();
        Assert.Equal([(Today, (DateOnly?)Today.AddDays(30)), (Today.AddDays(60), null)], bakers.Select(r => (r.Since, r.Until)));
        Assert.Single(network.Roles, r => r.PersonId == sample.Baker.Id && r.Role == NetworkRole.CoreGroupMember);
        var former = Assert.Single(network.RoleHistory, r => r.PersonId == sample.Coordinator.Id && r.Role == NetworkRole.Coordinator);
        Assert.Equal(Today.AddDays(90), former.Until);
        Assert.Equal(sample.Lawyer.Id, network.Coordinator.Id);

        network.DeactivatePerson(sample.Baker.Id, Today.AddDays(100));
        Assert.Empty(network.RolesOf(sample.Baker.Id));
        Assert.All(network.RoleHistory.Where(r => r.PersonId == sample.Baker.Id), r => Assert.NotNull(r.Until));
    }

    [Fact]
    public void RolesOf_lists_the_roles_of_that_person_only_in_enum_order()
    {
        var sample = SampleNetwork.Create();
        var network = sample.Network;
        network.AssignRole(sample.Baker.Id, NetworkRole.Advisor, Today);
        network.AssignRole(sample.Baker.Id, NetworkRole.Participant, Today);
        network.AssignRole(sample.Baker.Id, NetworkRole.CoreGroupMember, Today);
        network.AssignRole(sample.Mechanic.Id, NetworkRole.Participant, Today);

        Assert.Equal([NetworkRole.CoreGroupMember, NetworkRole.Participant, NetworkRole.Advisor], network.RolesOf(sample.Baker.Id));
        Assert.Equal([NetworkRole.Participant], network.RolesOf(sample.Mechanic.Id));
        Assert.Equal([NetworkRole.Coordinator], network.RolesOf(sample.Coordinator.Id));
        Assert.Empty(network.RolesOf(sample.Lawyer.Id));
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("1234 5678")]
    [InlineData("12.34.56.78")]
    public void AddEmployer_with_a_KvK_number_already_in_the_network_is_refused(string sameKvkTypedDifferently)
    {
        var sample = SampleNetwork.Create();

        var exception = ThrowsCode("Network.KvkTaken", () => sample.Network.AddEmployer("Bakkerij Twee", KvkNumber.Parse(sameKvkTypedDifferently),
            "Voeding", "Utrecht", Today, 0));

        Assert.Contains("12345678", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, sample.Network.Employers.Count);
    }

    [Fact]
    public void AddEmployer_trims_and_starts_active_with_no_jobs_realised()
    {
        var network = FoundNetwork();

        var employer = network.AddEmployer("  Bakkerij Bol  ", KvkNumber.Parse("1122 3344"), " Voeding ", " Houten ", Today, 7, listedPublicly: true);

        Assert.Equal("Bakkerij Bol", employer.Name);
        Assert.Equal("11223344", employer.Kvk.Value);
        Assert.Equal("Voeding", employer.Sector);
        Assert.Equal("Houten", employer.Town);
        Assert.Equal(EmployerStatus.Active, employer.Status);
        Assert.True(employer.IsActive);
        Assert.True(employer.ListedPublicly);
        Assert.Equal(7, employer.JobsAmbition);
        Assert.Equal(0, employer.JobsRealised);
        Assert.Same(employer, network.EmployerById(employer.Id));
    }

    [Fact]
    public void AddPerson_with_an_email_already_in_the_network_is_refused_whatever_the_case()
    {
        var sample = SampleNetwork.Create();

        ThrowsCode("Network.EmailTaken", () => sample.Network.AddPerson("Ayşe Twee", Email("AYSE@Bakkerij.NL")));
        ThrowsCode("Network.EmailTaken", () => sample.Network.AddPerson("Coco Twee", Email("coco@99van.nl")));
        Assert.Equal(4, sample.Network.People.Count);
    }

    [Fact]
    public void AddPerson_for_an_employer_that_left_is_refused()
    {
        var sample = SampleNetwork.Create();
        sample.Network.EmployerLeaves(sample.Garage.Id, Today);

        ThrowsCode("Network.EmployerNotActive",
            () => sample.Network.AddPerson("Klaas de Vries", Email("klaas@garagedevries.nl"), employerId: sample.Garage.Id));
    }

    [Fact]
    public void AddPerson_for_an_unknown_employer_is_refused()
    {
        var network = FoundNetwork();

        ThrowsCode("Network.UnknownEmployer", () => network.AddPerson("Klaas", Email("klaas@elders.nl"), employerId: EmployerId.New()));
        Assert.Single(network.People);
    }

    [Fact]
    public void Unknown_ids_are_refused()
    {
        var network = FoundNetwork();

        ThrowsCode("Network.UnknownPerson", () => network.PersonById(PersonId.New()));
        ThrowsCode("Network.UnknownEmployer", () => network.EmployerById(EmployerId.New()));
        ThrowsCode("Network.UnknownPerson", () => network.AssignRole(PersonId.New(), NetworkRole.Advisor, Today));
    }

    [Fact]
    public void EmployerLeaves_while_its_person_holds_a_core_group_seat_is_refused()
    {
        var sample = SampleNetwork.Create();
        sample.Network.AssignRole(sample.Baker.Id, NetworkRole.CoreGroupMember, Today);

        var exception = ThrowsCode("Network.LeaverHasCoreGroupSeat", () => sample.Network.EmployerLeaves(sample.Bakery.Id, Today.AddDays(10)));

        Assert.Contains(sample.Baker.Name, exception.Message, StringComparison.Ordinal);
        Assert.Equal(EmployerStatus.Active, sample.Bakery.Status);
        Assert.Null(sample.Bakery.LeftOn);
    }

    [Fact]
    public void EmployerLeaves_once_the_core_group_seat_is_given_up_sets_status_left()
    {
        var sample = SampleNetwork.Create();
        var leftOn = Today.AddDays(10);
        sample.Network.AssignRole(sample.Baker.Id, NetworkRole.CoreGroupMember, Today);
        sample.Network.RevokeRole(sample.Baker.Id, NetworkRole.CoreGroupMember, Today);

        sample.Network.EmployerLeaves(sample.Bakery.Id, leftOn);

        Assert.Equal(EmployerStatus.Left, sample.Bakery.Status);
        Assert.False(sample.Bakery.IsActive);
        Assert.Equal(leftOn, sample.Bakery.LeftOn);
        Assert.True(sample.Garage.IsActive);
    }

    [Fact]
    public void EmployerLeaves_ends_the_participant_role_of_its_people_only()
    {
        var sample = SampleNetwork.Create();
        sample.Network.AssignRole(sample.Mechanic.Id, NetworkRole.Participant, Today);
        sample.Network.AssignRole(sample.Baker.Id, NetworkRole.Participant, Today);

        sample.Network.EmployerLeaves(sample.Garage.Id, Today.AddDays(3));

        Assert.False(sample.Network.HasRole(sample.Mechanic.Id, NetworkRole.Participant));
        Assert.True(sample.Network.HasRole(sample.Baker.Id, NetworkRole.Participant));
    }

    [Fact]
    public void EmployerLeaves_is_refused_when_it_already_left_or_before_it_joined()
    {
        var sample = SampleNetwork.Create();

        ThrowsCode("Employer.LeftBeforeJoining", () => sample.Network.EmployerLeaves(sample.Garage.Id, Today.AddDays(-1)));
        Assert.True(sample.Garage.IsActive);

        sample.Network.EmployerLeaves(sample.Garage.Id, Today);
        ThrowsCode("Employer.AlreadyLeft", () => sample.Network.EmployerLeaves(sample.Garage.Id, Today.AddDays(1)));
        Assert.Equal(Today, sample.Garage.LeftOn);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(Employer.MaxJobs + 1, 0)]
    [InlineData(0, Employer.MaxJobs + 1)]
    [InlineData(int.MinValue, int.MaxValue)]
    public void RecordJobs_out_of_range_is_refused_and_keeps_the_old_counts(int ambition, int realised)
    {
        var sample = SampleNetwork.Create();
        sample.Network.RecordJobs(sample.Bakery.Id, 10, 3);

        ThrowsCode("Employer.JobsOutOfRange", () => sample.Network.RecordJobs(sample.Bakery.Id, ambition, realised));

        Assert.Equal(10, sample.Bakery.JobsAmbition);
        Assert.Equal(3, sample.Bakery.JobsRealised);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(12, 4)]
    [InlineData(Employer.MaxJobs, Employer.MaxJobs)]
    public void RecordJobs_in_range_updates_the_counts(int ambition, int realised)
    {
        var sample = SampleNetwork.Create();

        sample.Network.RecordJobs(sample.Garage.Id, ambition, realised);

        Assert.Equal(ambition, sample.Garage.JobsAmbition);
        Assert.Equal(realised, sample.Garage.JobsRealised);
    }

    [Fact]
    public void AddEmployer_with_a_jobs_ambition_out_of_range_is_refused()
    {
        var network = FoundNetwork();

        ThrowsCode("Employer.JobsOutOfRange",
            () => network.AddEmployer("Te Groot BV", KvkNumber.Parse("11112222"), "Bouw", "Utrecht", Today, Employer.MaxJobs + 1));
        Assert.Empty(network.Employers);
    }

    [Theory]
    [InlineData("2026-01-15T11:00:00Z", "2026-01-15T12:00:00")] // CET, UTC+1
    [InlineData("2026-07-15T11:00:00Z", "2026-07-15T13:00:00")] // CEST, UTC+2
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29T03:00:00")] // the moment the clocks go forward
    public void LocalNow_is_the_wall_clock_time_in_Amsterdam(string utc, string expectedLocal)
    {
        var network = FoundNetwork();
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        var local = network.LocalNow(time);

        Assert.Equal(DateTime.Parse(expectedLocal, System.Globalization.CultureInfo.InvariantCulture), local);
    }

    [Fact]
    public void KvkTaken_message_is_translated_into_Dutch_and_English()
    {
        var sample = SampleNetwork.Create();
        void AddSameKvk() => sample.Network.AddEmployer("Dubbel BV", KvkNumber.Parse("12345678"), "Bouw", "Utrecht", Today, 0);

        using (UiCulture.Dutch())
        {
            var dutch = ThrowsCode("Network.KvkTaken", AddSameKvk);
            Assert.Equal("Er is al een deelnemer met KvK-nummer 12345678 in dit netwerk.", dutch.Message);
        }

        using (UiCulture.English())
        {
            var english = ThrowsCode("Network.KvkTaken", AddSameKvk);
            Assert.Equal("There already is a participant with KvK number 12345678 in this network.", english.Message);
        }
    }
}

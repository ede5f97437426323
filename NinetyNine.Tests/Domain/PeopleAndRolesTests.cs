using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

/// <summary>What the coordinator's people screen asks of the network and its theme groups.</summary>
public class PeopleAndRolesTests
{
    private readonly SampleNetwork _sample = SampleNetwork.Create();

    private Network Network => _sample.Network;

    [Fact]
    public void EditPerson_changes_name_phone_function_and_organisation_but_not_the_email()
    {
        Network.EditPerson(_sample.Lawyer.Id, "  Mr. L. de Advocaat ", "053 123 45 67", "Advocaat arbeidsrecht", null, "Kantoor Oost");

        Assert.Equal("Mr. L. de Advocaat", _sample.Lawyer.Name);
        Assert.Equal("053 123 45 67", _sample.Lawyer.Phone);
        Assert.Equal("Advocaat arbeidsrecht", _sample.Lawyer.Function);
        Assert.Equal("Kantoor Oost", _sample.Lawyer.Organisation);
        Assert.Equal("l.advocaat@kantoor.nl", _sample.Lawyer.Email.Value);
    }

    [Fact]
    public void EditPerson_refused_for_a_bad_field_changes_nothing()
    {
        ThrowsCode("Text.TooLong", () => Network.EditPerson(_sample.Lawyer.Id, "Nieuwe naam", "06 12345678", null, null, new string('x', Employer.NameMaxLength + 1)));
        ThrowsCode("Text.Required", () => Network.EditPerson(_sample.Lawyer.Id, " ", "06 12345678", null, null, "Kantoor"));

        Assert.Equal("Mr. L. Advocaat", _sample.Lawyer.Name);
        Assert.Null(_sample.Lawyer.Phone);
        Assert.Equal("Advocatenkantoor", _sample.Lawyer.Organisation);
    }

    [Fact]
    public void EditPerson_moves_a_person_to_another_employer_only_once_their_employer_bound_roles_ended()
    {
        Network.AssignRole(_sample.Baker.Id, NetworkRole.Participant, Today);

        ThrowsCode("Network.EmployerBoundRoles", () => Network.EditPerson(_sample.Baker.Id, _sample.Baker.Name, null, null, _sample.Garage.Id, null));
        Assert.Equal(_sample.Bakery.Id, _sample.Baker.EmployerId);

        Network.RevokeRole(_sample.Baker.Id, NetworkRole.Participant, Today);
        Network.EditPerson(_sample.Baker.Id, _sample.Baker.Name, null, null, _sample.Garage.Id, null);
        Assert.Equal(_sample.Garage.Id, _sample.Baker.EmployerId);
    }

    [Fact]
    public void EditPerson_refuses_an_employer_that_left()
    {
        Network.EmployerLeaves(_sample.Garage.Id, Today);

        ThrowsCode("Network.EmployerNotActive", () => Network.EditPerson(_sample.Lawyer.Id, _sample.Lawyer.Name, null, null, _sample.Garage.Id, null));
        Assert.Null(_sample.Lawyer.EmployerId);
    }

    [Fact]
    public void A_deactivated_person_can_be_reactivated_once_and_their_ended_roles_stay_ended()
    {
        Network.AssignRole(_sample.Baker.Id, NetworkRole.Participant, Today);
        Network.DeactivatePerson(_sample.Baker.Id, Today.AddDays(1));
        ThrowsCode("Network.PersonInactive", () => Network.DeactivatePerson(_sample.Baker.Id, Today.AddDays(2)));

        Network.ReactivatePerson(_sample.Baker.Id);

        Assert.True(_sample.Baker.IsActive);
        Assert.Empty(Network.RolesOf(_sample.Baker.Id));
        Assert.Equal(Today.AddDays(1), Assert.Single(Network.RoleHistory, r => r.PersonId == _sample.Baker.Id).Until);
        ThrowsCode("Network.PersonAlreadyActive", () => Network.ReactivatePerson(_sample.Baker.Id));
        Network.AssignRole(_sample.Baker.Id, NetworkRole.Participant, Today.AddDays(3));
        Assert.Equal(2, Network.RoleHistory.Count(r => r.PersonId == _sample.Baker.Id));
    }

    [Fact]
    public void The_coordinator_hands_over_and_keeps_their_other_roles_and_can_then_be_deactivated()
    {
        var old = _sample.Coordinator;
        Network.AssignRole(old.Id, NetworkRole.Advisor, Today);

        Network.AppointCoordinator(_sample.Lawyer.Id, Today.AddDays(7));

        Assert.Same(_sample.Lawyer, Network.Coordinator);
        Assert.True(old.IsActive);
        Assert.Equal([NetworkRole.Advisor], Network.RolesOf(old.Id));
        Assert.Equal(Today.AddDays(7), Network.RoleHistory.Single(r => r.PersonId == old.Id && r.Role == NetworkRole.Coordinator).Until);
        Network.DeactivatePerson(old.Id, Today.AddDays(8));
        Assert.False(old.IsActive);
    }

    [Fact]
    public void AssignLead_hands_a_group_to_a_new_lead_and_refuses_the_same_lead_twice()
    {
        var group = ThemeGroup.Start(Network, "Wet- en regelgeving", string.Empty, 0);
        group.AssignLead(Network, _sample.Baker.Id);

        ThrowsCode("ThemeGroup.AlreadyLead", () => group.AssignLead(Network, _sample.Baker.Id));
        group.AssignLead(Network, _sample.Mechanic.Id);

        Assert.Equal(_sample.Mechanic.Id, group.LeadPersonId);
        Assert.True(group.HasMember(_sample.Bakery.Id));
        Assert.True(group.HasMember(_sample.Garage.Id));
    }

    [Fact]
    public void EndLead_leaves_the_group_without_a_lead_and_is_refused_when_there_is_none()
    {
        var group = ThemeGroup.Start(Network, "Wet- en regelgeving", string.Empty, 0);
        ThrowsCode("ThemeGroup.NoLead", group.EndLead);
        group.AssignLead(Network, _sample.Baker.Id);

        group.EndLead();

        Assert.Null(group.LeadPersonId);
        Assert.True(group.HasMember(_sample.Bakery.Id));
    }

    [Fact]
    public void RemoveAdvisor_ends_the_advice_to_one_group_and_is_refused_for_one_who_does_not_advise_it()
    {
        var group = ThemeGroup.Start(Network, "Wet- en regelgeving", string.Empty, 0);
        Network.AssignRole(_sample.Lawyer.Id, NetworkRole.Advisor, Today);
        group.AssignAdvisor(Network, _sample.Lawyer.Id);

        group.RemoveAdvisor(Network, _sample.Lawyer.Id);

        Assert.False(group.IsAdvisedBy(_sample.Lawyer.Id));
        Assert.True(Network.HasRole(_sample.Lawyer.Id, NetworkRole.Advisor));
        ThrowsCode("ThemeGroup.AdvisorNotAssigned", () => group.RemoveAdvisor(Network, _sample.Lawyer.Id));
    }
}

public class PersonFormValidatorTests
{
    private readonly PersonFormValidator _validator = new();

    private static PersonForm Valid() => new() { Name = "Mirjam Kok", Email = "m.kok@kantoor.nl", Phone = "+31 53 123 4567", Organisation = "Kok Advocaten" };

    private IEnumerable<(string Property, string Message)> Errors(PersonForm form)
    {
        using var dutch = UiCulture.Dutch();
        return [.. _validator.Validate(form).Errors.Select(e => (e.PropertyName, e.ErrorMessage))];
    }

    [Fact]
    public void A_complete_form_is_valid_with_an_organisation_or_an_employer()
    {
        Assert.Empty(Errors(Valid()));
        var forEmployer = Valid();
        forEmployer.Organisation = null;
        forEmployer.EmployerId = EmployerId.New();
        Assert.Empty(Errors(forEmployer));
    }

    [Fact]
    public void Each_wrong_field_gets_its_own_message()
    {
        var form = new PersonForm { Name = " ", Email = "m.kok@", Phone = "12ab", Function = "<b>baas</b>" };

        var errors = Errors(form).ToList();

        Assert.Contains((nameof(PersonForm.Name), "Naam is verplicht."), errors);
        Assert.Contains((nameof(PersonForm.Email), "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl."), errors);
        Assert.Contains((nameof(PersonForm.Phone), "Vul een geldig telefoonnummer in (9 tot 15 cijfers)."), errors);
        Assert.Contains(errors, e => e.Property == nameof(PersonForm.Function) && e.Message.Contains('<', StringComparison.Ordinal));
        Assert.Contains((nameof(PersonForm.Organisation), "Kies de werkgever die deze persoon vertegenwoordigt of vul een organisatie in."), errors);
    }

    [Fact]
    public void Lengths_come_from_the_domain()
    {
        var form = Valid();
        form.Name = new string('a', Person.NameMaxLength + 1);
        form.Organisation = new string('b', Employer.NameMaxLength + 1);

        var errors = Errors(form).ToList();

        Assert.Contains((nameof(PersonForm.Name), $"Naam mag hoogstens {Person.NameMaxLength} tekens lang zijn."), errors);
        Assert.Contains((nameof(PersonForm.Organisation), $"Organisatie mag hoogstens {Employer.NameMaxLength} tekens lang zijn."), errors);
    }
}

using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.ThemeGroups;
using static NinetyNine.Tests.Domain.DomainFixtures;

namespace NinetyNine.Tests.Domain;

public class ThemeGroupTests
{
    private readonly SampleNetwork _sample = SampleNetwork.Create();

    private Network Network => _sample.Network;

    private ThemeGroup NewGroup() => ThemeGroup.Start(Network, "Inclusief werven", "Meer mensen met afstand aan het werk.", 0);

    [Fact]
    public void Start_belongs_to_the_network_without_lead_members_or_advisors()
    {
        var group = ThemeGroup.Start(Network, "  Inclusief werven  ", "  ", 3);

        Assert.Equal(Network.Id, group.NetworkId);
        Assert.Equal("Inclusief werven", group.Name);
        Assert.Equal(string.Empty, group.Goal);
        Assert.Equal(3, group.Position);
        Assert.Null(group.LeadPersonId);
        Assert.Empty(group.Members);
        Assert.Empty(group.Advisors);
    }

    [Fact]
    public void AssignLead_makes_the_lead_employer_a_member()
    {
        var group = NewGroup();

        group.AssignLead(Network, _sample.Baker.Id);

        Assert.True(group.IsLed(_sample.Baker.Id));
        Assert.Equal(_sample.Baker.Id, group.LeadPersonId);
        var member = Assert.Single(group.Members);
        Assert.Equal(_sample.Bakery.Id, member.EmployerId);
        Assert.True(group.HasMember(_sample.Bakery.Id));
        Assert.False(group.HasMember(_sample.Garage.Id));
    }

    [Fact]
    public void AssignLead_does_not_add_the_employer_twice()
    {
        var group = NewGroup();
        group.AddMember(Network, _sample.Bakery.Id);

        group.AssignLead(Network, _sample.Baker.Id);

        Assert.Single(group.Members);
    }

    [Fact]
    public void AssignLead_of_a_person_without_employer_adds_no_member()
    {
        var group = NewGroup();

        group.AssignLead(Network, _sample.Lawyer.Id);

        Assert.True(group.IsLed(_sample.Lawyer.Id));
        Assert.Empty(group.Members);
    }

    [Fact]
    public void AssignLead_of_an_inactive_person_is_refused()
    {
        var group = NewGroup();
        Network.DeactivatePerson(_sample.Mechanic.Id, DomainFixtures.Today);

        ThrowsCode("Network.PersonInactive", () => group.AssignLead(Network, _sample.Mechanic.Id));
        Assert.Null(group.LeadPersonId);
        Assert.Empty(group.Members);
    }

    [Fact]
    public void AssignLead_of_a_person_whose_employer_left_changes_nothing()
    {
        var group = NewGroup();
        Network.EmployerLeaves(_sample.Garage.Id, Today); // the mechanic stays an active person

        ThrowsCode("Network.EmployerNotActive", () => group.AssignLead(Network, _sample.Mechanic.Id));
        Assert.Null(group.LeadPersonId);
        Assert.Empty(group.Members);
    }

    [Fact]
    public void AddMember_twice_is_refused()
    {
        var group = NewGroup();
        group.AddMember(Network, _sample.Garage.Id);

        ThrowsCode("ThemeGroup.AlreadyMember", () => group.AddMember(Network, _sample.Garage.Id));
        Assert.Single(group.Members);
    }

    [Fact]
    public void AddMember_of_an_employer_that_left_is_refused()
    {
        var group = NewGroup();
        Network.EmployerLeaves(_sample.Garage.Id, Today);

        ThrowsCode("Network.EmployerNotActive", () => group.AddMember(Network, _sample.Garage.Id));
        Assert.Empty(group.Members);
    }

    [Fact]
    public void AddMember_of_an_employer_outside_the_network_is_refused()
    {
        var group = NewGroup();

        ThrowsCode("Network.UnknownEmployer", () => group.AddMember(Network, EmployerId.New()));
    }

    [Fact]
    public void RemoveMember_of_the_lead_employer_is_refused()
    {
        var group = NewGroup();
        group.AssignLead(Network, _sample.Baker.Id);

        var exception = ThrowsCode("ThemeGroup.LeadEmployerStays", () => group.RemoveMember(Network, _sample.Bakery.Id));

        Assert.Contains(_sample.Bakery.Name, exception.Message, StringComparison.Ordinal);
        Assert.True(group.HasMember(_sample.Bakery.Id));
    }

    [Fact]
    public void RemoveMember_removes_another_member_and_refuses_a_non_member()
    {
        var group = NewGroup();
        group.AssignLead(Network, _sample.Baker.Id);
        group.AddMember(Network, _sample.Garage.Id);

        group.RemoveMember(Network, _sample.Garage.Id);

        Assert.False(group.HasMember(_sample.Garage.Id));
        Assert.True(group.HasMember(_sample.Bakery.Id));
        ThrowsCode("ThemeGroup.NotMember", () => group.RemoveMember(Network, _sample.Garage.Id));
    }

    [Fact]
    public void AssignAdvisor_needs_the_advisor_role()
    {
        var group = NewGroup();

        ThrowsCode("ThemeGroup.NotAnAdvisor", () => group.AssignAdvisor(Network, _sample.Lawyer.Id));
        Assert.Empty(group.Advisors);

        Network.AssignRole(_sample.Lawyer.Id, NetworkRole.Advisor, Today);
        group.AssignAdvisor(Network, _sample.Lawyer.Id);

        Assert.Equal(_sample.Lawyer.Id, Assert.Single(group.Advisors).PersonId);
        ThrowsCode("ThemeGroup.AdvisorAlreadyAssigned", () => group.AssignAdvisor(Network, _sample.Lawyer.Id));
    }

    [Fact]
    public void AssignAdvisor_refuses_a_person_who_lost_the_advisor_role()
    {
        var group = NewGroup();
        Network.AssignRole(_sample.Lawyer.Id, NetworkRole.Advisor, Today);
        Network.RevokeRole(_sample.Lawyer.Id, NetworkRole.Advisor, Today);

        ThrowsCode("ThemeGroup.NotAnAdvisor", () => group.AssignAdvisor(Network, _sample.Lawyer.Id));
    }

    [Theory]
    [InlineData("AssignLead")]
    [InlineData("AddMember")]
    [InlineData("RemoveMember")]
    [InlineData("AssignAdvisor")]
    public void A_group_of_one_network_refuses_another_network(string operation)
    {
        var group = NewGroup();
        group.AddMember(Network, _sample.Garage.Id);
        var other = SampleNetwork.Create("99van-amersfoort");
        other.Network.AssignRole(other.Lawyer.Id, NetworkRole.Advisor, Today);
        Action act = operation switch
        {
            "AssignLead" => () => group.AssignLead(other.Network, other.Baker.Id),
            "AddMember" => () => group.AddMember(other.Network, other.Bakery.Id),
            "RemoveMember" => () => group.RemoveMember(other.Network, _sample.Garage.Id),
            "AssignAdvisor" => () => group.AssignAdvisor(other.Network, other.Lawyer.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        ThrowsCode("ThemeGroup.OtherNetwork", act);

        Assert.Null(group.LeadPersonId);
        Assert.Equal(_sample.Garage.Id, Assert.Single(group.Members).EmployerId);
        Assert.Empty(group.Advisors);
    }

    [Fact]
    public void Describe_trims_and_accepts_the_maximum_lengths()
    {
        var group = NewGroup();
        var name = new string('n', ThemeGroup.NameMaxLength);
        var goal = new string('g', ThemeGroup.GoalMaxLength);

        group.Describe($"  {name} ", $" {goal}  ");

        Assert.Equal(name, group.Name);
        Assert.Equal(goal, group.Goal);

        group.Describe("Kort", "");
        Assert.Equal("Kort", group.Name);
        Assert.Equal(string.Empty, group.Goal);
    }

    public static TheoryData<string?, string> BadNames => new()
    {
        { "", "Text.Required" },
        { "   ", "Text.Required" },
        { null, "Text.Required" },
        { new string('n', ThemeGroup.NameMaxLength + 1), "Text.TooLong" },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public void Describe_refuses_a_missing_or_too_long_name(string? name, string code)
    {
        var group = NewGroup();

        ThrowsCode(code, () => group.Describe(name!, "Doel"));
        Assert.Equal("Inclusief werven", group.Name);
    }

    [Fact]
    public void Describe_refuses_a_too_long_goal()
    {
        var group = NewGroup();

        ThrowsCode("Text.TooLong", () => group.Describe("Inclusief werven", new string('g', ThemeGroup.GoalMaxLength + 1)));
        Assert.Equal("Meer mensen met afstand aan het werk.", group.Goal);
    }

    [Fact]
    public void Describe_with_a_too_long_goal_keeps_the_old_name()
    {
        var group = NewGroup();

        ThrowsCode("Text.TooLong", () => group.Describe("Nieuwe naam", new string('g', ThemeGroup.GoalMaxLength + 1)));
        Assert.Equal("Inclusief werven", group.Name);
    }

    [Fact]
    public void Describe_message_names_the_field_in_Dutch_and_English()
    {
        var group = NewGroup();
        var tooLong = new string('n', ThemeGroup.NameMaxLength + 1);

        using (UiCulture.Dutch())
        {
            Assert.Equal("Naam van de themagroep is verplicht.", ThrowsCode("Text.Required", () => group.Describe(" ", "")).Message);
            Assert.Equal("Naam van de themagroep mag hoogstens 100 tekens lang zijn.",
                ThrowsCode("Text.TooLong", () => group.Describe(tooLong, "")).Message);
        }

        using (UiCulture.English())
        {
            Assert.Equal("Theme group name is required.", ThrowsCode("Text.Required", () => group.Describe(" ", "")).Message);
            Assert.Equal("Theme group name can be at most 100 characters long.",
                ThrowsCode("Text.TooLong", () => group.Describe(tooLong, "")).Message);
        }
    }
}
